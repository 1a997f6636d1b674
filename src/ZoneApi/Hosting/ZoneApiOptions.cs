using ZoneApi.Auth;
using ZoneApi.Dns;

namespace ZoneApi.Hosting;

/// <summary>The ZoneApi configuration section (appsettings.json, or ZoneApi__* environment variables).</summary>
public sealed class ZoneApiOptions
{
    public const string Section = "ZoneApi";

    /// <summary>This server's name servers, written as NS records at every new zone's apex; the first is the SOA MNAME.</summary>
    public List<string> Nameservers { get; set; } = [];

    /// <summary>The zone contact for the SOA RNAME: hostmaster@example.net or hostmaster.example.net.</summary>
    public string SoaContact { get; set; } = "";

    /// <summary>
    /// Zones that only the operator's own customer ("default") may create, with everything below and above
    /// them, besides the parent domains of the name servers and of the SOA contact (see Zones.ReservedZoneNames).
    /// </summary>
    public List<string> ReservedZones { get; set; } = [];

    /// <summary>When set, this exact key is registered at startup for customer "default" with every scope.</summary>
    public string? BootstrapKey { get; set; }

    /// <summary>Request bodies over this many bytes are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Where the embedded PostgreSQL lives when no connection string is configured.</summary>
    public string? LocalDatabaseDirectory { get; set; }

    /// <summary>
    /// Defaults in code rather than only in appsettings.json: the binder appends to a pre-filled list, and
    /// a binary started from another folder finds no appsettings.json at all. The .test names (RFC 2606)
    /// are placeholders that cannot collide with anything real.
    /// </summary>
    public void ApplyDefaults()
    {
        if (Nameservers.Count == 0)
        {
            Nameservers = ["ns1.zoneapi.test", "ns2.zoneapi.test"];
        }

        if (string.IsNullOrWhiteSpace(SoaContact))
        {
            SoaContact = "hostmaster@zoneapi.test";
        }
    }

    /// <summary>The nameservers as absolute names with the trailing dot.</summary>
    public IReadOnlyList<string> NameserverNames() =>
        Nameservers.Select(n => DnsName.NormalizeZoneName(n).Name + ".").ToList();

    /// <summary>
    /// The SOA RNAME (RFC 1035 §8): the mailbox hostmaster@example.net becomes hostmaster.example.net.,
    /// with any dot in the local part escaped.
    /// </summary>
    public string SoaMailbox()
    {
        var at = SoaContact.LastIndexOf('@');
        return at < 0
            ? DnsName.NormalizeZoneName(SoaContact).Name + "."
            : SoaContact[..at].Replace(".", "\\.", StringComparison.Ordinal) + "." + DnsName.NormalizeZoneName(SoaContact[(at + 1)..]).Name + ".";
    }

    /// <summary>What is wrong with the settings, for ValidateOnStart; null when nothing is.</summary>
    public string? Problem()
    {
        // A guessable operator key would hold every scope of the default customer: refuse to start with one.
        if (!string.IsNullOrEmpty(BootstrapKey) && ApiKeySecret.Weakness(BootstrapKey) is { } weakness)
        {
            return $"ZoneApi:BootstrapKey {weakness}";
        }

        if (Nameservers.Count == 0)
        {
            return "ZoneApi:Nameservers must list at least one name server, e.g. ns1.example.net";
        }

        if (Nameservers.FirstOrDefault(n => !DnsName.NormalizeZoneName(n).IsValid) is { } badNameserver)
        {
            return $"ZoneApi:Nameservers has '{badNameserver}', which is not a host name";
        }

        if (ReservedZones.FirstOrDefault(z => !DnsName.NormalizeZoneName(z).IsValid) is { } badReserved)
        {
            return $"ZoneApi:ReservedZones has '{badReserved}', which is not a zone name (such as example.net)";
        }

        var at = SoaContact.LastIndexOf('@');
        var domain = at < 0 ? SoaContact : SoaContact[(at + 1)..];
        var local = at < 0 ? "x" : SoaContact[..at];
        return !DnsName.NormalizeZoneName(domain).IsValid || local.Length is 0 or > 63 || local.Any(c => c is <= ' ' or '\\' or '@' or > '~')
            ? $"ZoneApi:SoaContact '{SoaContact}' is neither a mailbox (hostmaster@example.net) nor a host name"
            : MaxRequestBodyBytes < 1024 ? "ZoneApi:MaxRequestBodyBytes must be at least 1024" : null;
    }
}
