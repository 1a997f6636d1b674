using System.Globalization;
using Microsoft.Extensions.Options;
using ZoneApi.Dns;
using ZoneApi.Hosting;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// The records every zone is born with: its SOA and this server's NS records at the apex (CONTRACT A5).
/// RFC 1034 §4.2.1 requires both at every zone's top node.
/// </summary>
public sealed class ApexRecords(IOptions<ZoneApiOptions> options)
{
    public const int Ttl = 3600;

    // RFC 1912 §2.2's recommended timers: refresh 3 h, retry 1 h, expire 1 week; minimum (the negative
    // caching TTL, RFC 2308 §4) 1 h.
    private const string SoaTimers = "10800 3600 604800 3600";

    public IEnumerable<DnsRecord> Create(Zone zone, DateTimeOffset now)
    {
        var apex = zone.Name + ".";
        yield return New(zone, apex, RecordTypes.Soa, SoaContent(zone.Serial), now);
        foreach (var nameserver in options.Value.NameserverNames())
        {
            var ns = New(zone, apex, RecordTypes.Ns, nameserver, now);
            ns.Target = nameserver;
            yield return ns;
        }
    }

    /// <summary>MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM (RFC 1035 §3.3.13).</summary>
    public string SoaContent(long serial)
    {
        var settings = options.Value;
        return string.Create(CultureInfo.InvariantCulture, $"{settings.NameserverNames()[0]} {settings.SoaMailbox()} {serial} {SoaTimers}");
    }

    private static DnsRecord New(Zone zone, string apex, string type, string content, DateTimeOffset now) => new()
    {
        ZoneId = zone.Id,
        Id = type == RecordTypes.Soa ? RecordId.ForSoa(apex) : RecordId.Compute(apex, type, content),
        Name = apex,
        Type = type,
        Content = content,
        Ttl = Ttl,
        Protected = true,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
