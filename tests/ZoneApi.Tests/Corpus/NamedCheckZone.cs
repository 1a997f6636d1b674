using System.Diagnostics;
using System.Text;

namespace ZoneApi.Tests.Corpus;

/// <summary>
/// Asks BIND whether a record loads: writes a zone file with the SOA, one NS and the record, and runs
/// <c>named-checkzone -k fail</c>, which applies a primary zone's check-names as a fatal error (named's
/// default for primary zones). ./test.sh installs bind9utils, which ships it.
/// </summary>
public static class NamedCheckZone
{
    public const string Origin = "corpus.example";

    private static readonly Lazy<string> Program = new(Find);

    /// <summary>Returns null when BIND loads the zone, otherwise BIND's first complaint.</summary>
    public static async Task<string?> CheckAsync(string owner, string type, string rdata)
    {
        var directory = Directory.CreateTempSubdirectory("zoneapi-corpus-");
        try
        {
            var file = Path.Combine(directory.FullName, "zone");
            await File.WriteAllTextAsync(file, $"""
                $ORIGIN {Origin}.
                $TTL 3600
                @ IN SOA ns1.example.net. hostmaster.example.net. 1 7200 3600 1209600 3600
                @ IN NS ns1.example.net.
                {owner} IN {type} {rdata}

                """, new UTF8Encoding(false));
            using var process = Process.Start(new ProcessStartInfo(Program.Value, ["-k", "fail", Origin, file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? null : output.Split('\n').FirstOrDefault(l => l.Length > 0) ?? $"exit code {process.ExitCode}";
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Find()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin"]);
        return directories.Select(d => Path.Combine(d, "named-checkzone")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("named-checkzone is not installed: run ./test.sh, or apt-get install bind9utils");
    }
}
