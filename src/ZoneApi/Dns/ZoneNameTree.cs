namespace ZoneApi.Dns;

/// <summary>
/// Where stored zone names (lower-case, no trailing dot) sit in the DNS tree relative to each other: a zone
/// answers for its name and every name below it (RFC 1034 §4.2), so two zones overlap when one is at or
/// below the other.
/// </summary>
public static class ZoneNameTree
{
    /// <summary>The names above <paramref name="name"/> that can be zones (two labels or more), shallowest first.</summary>
    public static IReadOnlyList<string> Ancestors(string name)
    {
        var ancestors = new List<string>();
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            var suffix = name[(dot + 1)..];
            if (suffix.Contains('.', StringComparison.Ordinal))
            {
                ancestors.Add(suffix);
            }
        }

        ancestors.Reverse();
        return ancestors;
    }

    /// <summary>
    /// The domain that holds a host name: example.net for ns1.example.net. A top-level domain is never a zone
    /// here, so a host directly below one (ns1.example) stands for itself.
    /// </summary>
    public static string ParentOrSelf(string host) => Ancestors(host) is [.., var parent] ? parent : host;

    public static bool IsAtOrBelow(string name, string zone) =>
        name == zone || name.EndsWith("." + zone, StringComparison.Ordinal);

    public static bool Overlap(string a, string b) => IsAtOrBelow(a, b) || IsAtOrBelow(b, a);
}
