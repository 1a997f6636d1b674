using System.Diagnostics;
using System.Text.RegularExpressions;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Contract;

/// <summary>
/// README.md's walkthrough, run as a person pastes it into bash, against a fresh server: so it cannot rot. Only
/// what points at a developer's machine changes: the address, and `dotnet run` becomes the built executable.
/// </summary>
public sealed partial class ReadmeWalkthroughTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Walkthrough_PastedIntoBash_GivesEveryDocumentedAnswer()
    {
        using var client = api.CreateClient(); // on Kestrel: its base address is the real socket
        var script = Walkthrough(await File.ReadAllTextAsync(RepositoryFiles.PathOf("README.md")))
            .Replace("dotnet run -v q --project src/ZoneApi --", $"dotnet '{typeof(Program).Assembly.Location}'", StringComparison.Ordinal)
            .Replace("http://localhost:5080", client.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var (exitCode, output) = await BashAsync(script);

        Assert.True(exitCode == 0, $"the walkthrough failed with exit code {exitCode}:\n{output}");
        foreach (var answer in (string[])[
            "\"message\":\"Zone created successfully\"", "\"name\":\"walkthrough.example\"", "\"zones\":[",
            "\"message\":\"Zone updated successfully\"", "\"message\":\"Record created successfully\"",
            "\"name\":\"www.walkthrough.example.\",\"type\":\"CNAME\",\"content\":\"walkthrough.example.\"",
            "\"records\":[", "\"message\":\"Record updated successfully\"", "\"code\":\"CNAME_CONFLICT\"",
            "\"code\":\"UNAUTHORIZED\"", "\"status\":\"ok\"", "$ORIGIN walkthrough.example.", "Revoked: key"])
        {
            Assert.Contains(answer, output);
        }

        Assert.Equal(2, DeletedAnswers().Count(output));
        Assert.DoesNotContain("\"status\":\"error\",\"error\":{\"code\":\"VALIDATION_ERROR\"", output);
    }

    /// <summary>The one sh block between the walkthrough markers.</summary>
    private static string Walkthrough(string readme)
    {
        var begin = readme.IndexOf("<!-- walkthrough:begin", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- walkthrough:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has lost its walkthrough markers");
        var block = readme[begin..end];
        var code = block[(block.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..block.LastIndexOf("```", StringComparison.Ordinal)];
        return code;
    }

    private async Task<(int ExitCode, string Output)> BashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-eu");
        start.Environment["ConnectionStrings__Zones"] = api.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!bash.HasExited)
            {
                bash.Kill(entireProcessTree: true);
            }
        }

        return (bash.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^204$", RegexOptions.Multiline)]
    private static partial Regex DeletedAnswers();
}
