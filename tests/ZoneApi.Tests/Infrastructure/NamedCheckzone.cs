using System.Diagnostics;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// BIND's zone loader as a judge (CONTRACT A4, "servable zones"): <c>named-checkzone -k fail</c>, which makes
/// check-names fatal as it is for a primary zone in named. Debian's bind9utils ships it; test.sh installs it.
/// </summary>
public static class NamedCheckzone
{
    public const string Program = "named-checkzone";

    /// <summary>Null when BIND loads the master file; otherwise named-checkzone's own words.</summary>
    public static async Task<string?> RefusalAsync(string zoneName, string masterFile)
    {
        var start = new ProcessStartInfo(Program)
        {
            // The file comes in on standard input: no temporary file to clean up.
            ArgumentList = { "-k", "fail", zoneName, "/dev/stdin" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(masterFile);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : (await output + await errors).Trim();
    }

    /// <summary>Whether the program is on PATH, so a missing package is one clear message and not a stack trace per zone.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, Program)));
}
