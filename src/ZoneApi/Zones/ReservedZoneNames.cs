using Microsoft.Extensions.Options;
using ZoneApi.Dns;
using ZoneApi.Hosting;

namespace ZoneApi.Zones;

/// <summary>
/// The zones this server keeps for its operator (CONTRACT A5): the domain of each name server's name, the
/// domain of the SOA contact, and every ZoneApi:ReservedZones entry. Every hosted zone's NS and SOA point
/// into the first two, so whoever held zoneapi.test could move ns1.zoneapi.test, and with it every zone.
/// Only the operator's own customer ("default") may create zones at, below or above them.
/// </summary>
public sealed class ReservedZoneNames(IOptions<ZoneApiOptions> options)
{
    public IReadOnlyList<string> Names { get; } = Of(options.Value);

    /// <summary>True when <paramref name="zoneName"/> is a reserved zone, inside one, or above one.</summary>
    public bool Overlaps(string zoneName) => Names.Any(reserved => ZoneNameTree.Overlap(zoneName, reserved));

    /// <summary>The reserved zone names for settings that <see cref="ZoneApiOptions.Problem"/> has accepted.</summary>
    public static IReadOnlyList<string> Of(ZoneApiOptions settings)
    {
        var nameserverDomains = settings.Nameservers.Select(n => ZoneNameTree.ParentOrSelf(Canonical(n)));
        return [.. nameserverDomains
            .Append(ContactDomain(settings.SoaContact))
            .Concat(settings.ReservedZones.Select(Canonical))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// hostmaster@zoneapi.test is a mailbox in zoneapi.test; the host-name form hostmaster.example.net (the
    /// SOA RNAME as written in a zone file, RFC 1035 §8) is one in example.net.
    /// </summary>
    private static string ContactDomain(string contact)
    {
        var at = contact.LastIndexOf('@');
        return at < 0 ? ZoneNameTree.ParentOrSelf(Canonical(contact)) : Canonical(contact[(at + 1)..]);
    }

    private static string Canonical(string name) =>
        DnsName.NormalizeZoneName(name).Name ?? throw new InvalidOperationException($"'{name}' passed ZoneApiOptions.Problem() but is not a name.");
}
