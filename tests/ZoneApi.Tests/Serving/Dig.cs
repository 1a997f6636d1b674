using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// Asks a DNS server with dig (bind9-dnsutils), as a person checking a zone would, and reads its report.
/// </summary>
public static partial class Dig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>One question over UDP or TCP. Over UDP a truncated answer is reported as such (flag tc), not retried over TCP.</summary>
    public static async Task<DnsReply> QueryAsync(string server, int port, string name, string type, DnsTransport transport)
    {
        var text = await RunAsync(server, port, name, type,
            transport == DnsTransport.Tcp ? "+tcp" : "+notcp", "+ignore", "+norecurse", "+nosplit", "+nocmd", "+nostats", "+tries=1", "+time=5");
        return Parse(text);
    }

    /// <summary>A zone transfer (AXFR, over TCP): the zone's records, the SOA first and last as RFC 5936 sends it.</summary>
    public static async Task<IReadOnlyList<ResourceRecord>> TransferAsync(string server, int port, string zone)
    {
        var text = await RunAsync(server, port, zone, "AXFR", "+nosplit", "+nocmd", "+nostats", "+tries=1", "+time=5");
        if (text.Contains("; Transfer failed.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"AXFR of {zone} failed: {text}");
        }

        return [.. Lines(text).Select(ParseRecord)];
    }

    /// <summary>A zone transfer as dig prints it: master-file lines with absolute names, the SOA first and last.</summary>
    public static async Task<string> TransferTextAsync(string server, int port, string zone)
    {
        var text = await RunAsync(server, port, zone, "AXFR", "+nosplit", "+nocmd", "+nostats", "+tries=1", "+time=5");
        return text.Contains("; Transfer failed.", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"AXFR of {zone} failed: {text}")
            : text;
    }

    /// <summary>Reads dig's default report: the header (status and flags) and the answer, authority and additional sections.</summary>
    public static DnsReply Parse(string text)
    {
        var status = StatusPattern().Match(text) is { Success: true } s ? s.Groups[1].Value : "";
        var flags = FlagsPattern().Match(text) is { Success: true } f
            ? f.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
        var sections = new Dictionary<string, List<ResourceRecord>>(StringComparer.Ordinal)
        {
            ["ANSWER"] = [],
            ["AUTHORITY"] = [],
            ["ADDITIONAL"] = [],
        };
        List<ResourceRecord>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (SectionPattern().Match(line) is { Success: true } section)
            {
                current = sections.GetValueOrDefault(section.Groups[1].Value);
            }
            else if (line.Trim().Length == 0)
            {
                current = null;
            }
            else if (current is not null && !line.StartsWith(';'))
            {
                current.Add(ParseRecord(line));
            }
        }

        return new DnsReply(status, flags, sections["ANSWER"], sections["AUTHORITY"], sections["ADDITIONAL"], text);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith(';'));

    private static ResourceRecord ParseRecord(string line)
    {
        var match = RecordPattern().Match(line.TrimEnd());
        if (!match.Success)
        {
            throw new FormatException($"not a record line: {line}");
        }

        return new ResourceRecord(
            match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value, match.Groups[4].Value);
    }

    private static async Task<string> RunAsync(string server, int port, string name, string type, params string[] options)
    {
        var start = new ProcessStartInfo("dig")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[$"@{server}", "-p", port.ToString(CultureInfo.InvariantCulture), name, type, .. options])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dig did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dig {name} {type} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"->>HEADER<<-.*status: (\w+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^;; flags:([^;]*);", RegexOptions.Multiline)]
    private static partial Regex FlagsPattern();

    [GeneratedRegex(@"^;; (ANSWER|AUTHORITY|ADDITIONAL) SECTION:")]
    private static partial Regex SectionPattern();

    // owner  ttl  class  type  rdata
    [GeneratedRegex(@"^(\S+)\s+(\d+)\s+IN\s+(\S+)\s*(.*)$")]
    private static partial Regex RecordPattern();
}
