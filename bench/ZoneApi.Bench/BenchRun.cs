namespace ZoneApi.Bench;

/// <summary>What Main set up for the benchmarks: the running app's client and the two seeded zones.</summary>
public sealed record BenchRun(HttpClient Client, SeededZone Baseline, SeededZone Large)
{
    public const int BaselineRecords = 50;
    public const int LargeRecords = 5_000;
    public const int DeepOffset = 4_900;

    /// <summary>Set by Main before BenchmarkDotNet runs; the benchmarks run in this process (see <see cref="BenchConfig"/>).</summary>
    public static BenchRun? Current { get; set; }
}
