using System.Diagnostics;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// BIND's zone compiler as a normaliser: any master-file text of a zone (our export, or <c>dig AXFR</c> output with
/// absolute names, the SOA twice and BIND's own line breaks in hex) becomes one line per record, absolute names, in
/// DNSSEC order and BIND's canonical presentation. Two texts with the same records give the same output, so
/// "PowerDNS's AXFR carries the same records as the export" is one string comparison.
/// </summary>
public static class NamedCompilezone
{
    public const string Program = "named-compilezone";

    public static async Task<string> CanonicalAsync(string zoneName, string masterFile)
    {
        var start = new ProcessStartInfo(Program)
        {
            // -i none -k ignore: only normalise here; whether BIND loads the zone is NamedCheckzone's question.
            ArgumentList = { "-q", "-i", "none", "-k", "ignore", "-s", "full", "-o", "-", zoneName, "/dev/stdin" },
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
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{Program} could not read the zone {zoneName}: {await output}{await errors}");
    }
}
