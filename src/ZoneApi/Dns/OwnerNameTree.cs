namespace ZoneApi.Dns;

/// <summary>
/// Where absolute owner names (lower-case, with the trailing dot) sit below a zone's apex. The names of a
/// branch matter to the rules that work as a server answers: RFC 4592 wildcard matching looks for the closest
/// encloser, and a delegation hides everything at or below its name (RFC 1034 §4.2.1).
/// </summary>
public static class OwnerNameTree
{
    /// <summary>The names from just below <paramref name="apex"/> down to <paramref name="name"/> itself, shallowest first.</summary>
    public static IReadOnlyList<string> BelowApex(string name, string apex)
    {
        var names = new List<string>();
        for (var current = name; current != apex && current.Length > apex.Length; current = Parent(current))
        {
            names.Add(current);
        }

        names.Reverse();
        return names;
    }

    /// <summary><c>b.example.com.</c> for <c>a.b.example.com.</c>; the root for a top-level name.</summary>
    public static string Parent(string name) => name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && dot < name.Length - 1
        ? name[(dot + 1)..]
        : ".";

    public static bool IsWildcard(string name) => name.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> is <paramref name="apex"/> or below it.</summary>
    public static bool IsAtOrBelow(string name, string apex) =>
        name == apex || name.EndsWith("." + apex, StringComparison.Ordinal);
}
