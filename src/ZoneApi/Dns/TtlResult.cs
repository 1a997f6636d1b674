namespace ZoneApi.Dns;

/// <summary>An effective TTL in seconds, or the reason the requested one is not allowed (phrased to follow the field name).</summary>
public readonly record struct TtlResult(int Value, string? Error)
{
    public bool IsValid => Error is null;

    public static TtlResult Valid(int seconds) => new(seconds, null);

    public static TtlResult Invalid(string error) => new(0, error);
}
