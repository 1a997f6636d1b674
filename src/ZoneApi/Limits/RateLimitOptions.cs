namespace ZoneApi.Limits;

/// <summary>
/// Per-key token buckets (CONTRACT A7), ZoneApi:RateLimits. Reads (GET, HEAD) and writes fill separate
/// buckets; requests without a valid key share one bucket per client address. Health is never limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "ZoneApi:RateLimits";

    /// <summary>False turns every rate limit off (benchmarks, load tests).</summary>
    public bool Enabled { get; set; } = true;

    public int ReadsPerSecond { get; set; } = 50;

    public int ReadBurst { get; set; } = 200;

    public int WritesPerSecond { get; set; } = 20;

    public int WriteBurst { get; set; } = 100;

    public int UnauthenticatedPerSecond { get; set; } = 10;

    public int UnauthenticatedBurst { get; set; } = 50;

    public string? Problem()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(ReadsPerSecond), ReadsPerSecond), (nameof(ReadBurst), ReadBurst),
            (nameof(WritesPerSecond), WritesPerSecond), (nameof(WriteBurst), WriteBurst),
            (nameof(UnauthenticatedPerSecond), UnauthenticatedPerSecond), (nameof(UnauthenticatedBurst), UnauthenticatedBurst),
        })
        {
            if (value is < 1 or > 1_000_000)
            {
                return $"ZoneApi:RateLimits:{name} must be between 1 and 1000000";
            }
        }

        return ReadBurst < ReadsPerSecond || WriteBurst < WritesPerSecond || UnauthenticatedBurst < UnauthenticatedPerSecond
            ? "ZoneApi:RateLimits: each burst must be at least its rate per second"
            : null;
    }
}
