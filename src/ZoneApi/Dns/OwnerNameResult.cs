namespace ZoneApi.Dns;

/// <summary>The outcome of <see cref="OwnerName.Normalize"/>: an absolute owner name, bad syntax, or a name outside the zone.</summary>
public abstract record OwnerNameResult
{
    private OwnerNameResult()
    {
    }

    /// <param name="Name">Absolute, lower-case, punycode, with the trailing dot: <c>www.example.com.</c>.</param>
    public sealed record Valid(string Name) : OwnerNameResult;

    /// <param name="Reason">Why the input is not a name, phrased to follow the field name ("has an empty label").</param>
    public sealed record Invalid(string Reason) : OwnerNameResult;

    /// <summary>Syntactically fine, but not the zone apex or below it (CONTRACT A2 NAME_OUTSIDE_ZONE).</summary>
    /// <param name="Name">The absolute name the input stands for, with the trailing dot.</param>
    /// <param name="Reason">A message for people, phrased to follow the field name.</param>
    public sealed record OutsideZone(string Name, string Reason) : OwnerNameResult;
}
