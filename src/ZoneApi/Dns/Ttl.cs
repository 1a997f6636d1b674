namespace ZoneApi.Dns;

/// <summary>RRset TTLs (CONTRACT A3): 120 to 86400 seconds, with 0 or absent meaning the default.</summary>
public static class Ttl
{
    /// <summary>Below two minutes, resolvers re-ask so often that the service pays for little benefit.</summary>
    public const int Min = 120;

    /// <summary>One day: longer TTLs make mistakes linger in caches for longer than anyone waits.</summary>
    public const int Max = 86400;

    public const int Default = 3600;

    /// <summary>
    /// The TTL to store. 0 means "default" rather than "do not cache" because DNScale's CLI sends 0 for
    /// a TTL the user did not give.
    /// </summary>
    public static TtlResult Resolve(int? ttl) => ttl switch
    {
        null or 0 => TtlResult.Valid(Default),
        >= Min and <= Max => TtlResult.Valid(ttl.Value),
        _ => TtlResult.Invalid($"must be between {Min} and {Max} seconds, or 0 for the default of {Default}"),
    };
}
