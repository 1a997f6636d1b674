using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ZoneApi.Bench;

/// <summary>
/// A short job, in process: the app, its database and the seeded zones are set up once by Main and shared
/// by every benchmark, which a separate benchmark process could not do without seeding again. Client, server
/// and PostgreSQL share 2 cores, so 20 iterations rather than 10 keep the ratios' spread down; the whole run
/// takes about four minutes, most of it seeding.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(20)
            .WithId("InProcessShort"));
        // Allocations are process-wide here: client and server together, per request.
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
