namespace ZoneApi.Dns;

/// <summary>
/// Host names (RFC 952, RFC 1123 §2.1): letter-digit-hyphen labels. BIND's check-names, which is fatal for
/// primary zones (<c>named-checkzone -k fail</c>), requires them for the targets of NS, MX, SRV, HTTPS/SVCB
/// and reverse-zone PTR, and for the owners of A, AAAA and MX, where a leftmost '*' is allowed.
/// </summary>
public static class HostNames
{
    private static readonly string[] ReverseZones = ["in-addr.arpa", "ip6.arpa"];

    /// <summary>Returns the first label of already-ASCII, lower-case <paramref name="labels"/> that is not LDH, or null.</summary>
    public static string? FindNonHostLabel(IEnumerable<string> labels) =>
        labels.FirstOrDefault(label => !label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));

    /// <summary>Whether an absolute owner name (with its trailing dot) is a host name, allowing a leftmost wildcard.</summary>
    public static bool IsHostOwner(string owner)
    {
        var labels = owner.TrimEnd('.').Split('.');
        return FindNonHostLabel(labels[0] == "*" ? labels.Skip(1) : labels) is null;
    }

    /// <summary>Whether a zone (stored form, no trailing dot) is a reverse-mapping zone (RFC 1035 §3.5, RFC 3596 §2.5).</summary>
    public static bool IsReverseZone(string zoneName) =>
        ReverseZones.Any(r => zoneName == r || zoneName.EndsWith("." + r, StringComparison.Ordinal));
}
