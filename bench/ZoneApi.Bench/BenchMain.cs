using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ZoneApi.Bench;

/// <summary>
/// dotnet run -c Release --project bench/ZoneApi.Bench [-- BenchmarkDotNet arguments, e.g. --filter '*Deep*'], or
/// [-- --fairness] for the fairness check (FairnessBench).
/// Starts a database and the app, seeds the zones through the API, checks pagination, prints the list query's
/// plan, then hands over to BenchmarkDotNet.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        await using var database = await BenchDatabase.StartAsync(CancellationToken.None);
        // Ctrl+C: still stop the throwaway PostgreSQL and remove its folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"Database: {database.Description}");

        var sqlCapture = new SqlCapture();
        await using var app = new BenchApp(database.ConnectionString, sqlCapture);
        app.Start();
        using var client = app.CreateAuthenticatedClient();
        Console.WriteLine($"App: {client.BaseAddress} (Kestrel on loopback, Production environment)");

        if (args.Contains("--fairness"))
        {
            // Issue 6's fairness check instead of the list benchmarks: see bench/README.md.
            return await new FairnessBench(app).RunAsync(CancellationToken.None);
        }

        try
        {
            BenchRun.Current = await PrepareAsync(app, client, database.ConnectionString, sqlCapture, CancellationToken.None);
        }
        catch (BenchSetupException e)
        {
            await Console.Error.WriteLineAsync($"zoneapi-bench: {e.Message}");
            return 1;
        }

        WarnIfBusy();
        // Without --filter BenchmarkDotNet would ask on the console which benchmarks to run: run them all.
        var summaries = BenchmarkSwitcher.FromTypes([typeof(RecordListBenchmarks)])
            .Run(args.Any(a => a is "--filter" or "-f") ? args : [.. args, "--filter", "*"]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// Other work on the machine slows some benchmarks and not others, which skews even the ratios: say so
    /// up front rather than let a reader trust a noisy run.
    /// </summary>
    private static void WarnIfBusy()
    {
        if (File.Exists("/proc/loadavg")
            && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            && load > Environment.ProcessorCount / 2.0)
        {
            Console.WriteLine($"Warning: load average {load:0.0} on {Environment.ProcessorCount} cores before the benchmarks. "
                + "Other processes are running; expect noisy numbers and wide RatioSD (run again on an idle machine).");
        }
    }

    private static async Task<BenchRun> PrepareAsync(BenchApp app, HttpClient client, string connectionString, SqlCapture sqlCapture, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var seeder = new ZoneSeeder(client);
        var baseline = await seeder.CreateZoneAsync("baseline.bench.example", BenchRun.BaselineRecords, ct);
        var large = await seeder.CreateZoneAsync("large.bench.example", BenchRun.LargeRecords, ct);
        Console.WriteLine($"Seeded zones of {baseline.Total} and {large.Total} records through the API in {stopwatch.Elapsed.TotalSeconds:0} s");

        await BackgroundZones.AddAsync(connectionString, baseline.Id, ct);
        Console.WriteLine($"Added {BackgroundZones.Zones} other zones of {BackgroundZones.RecordsPerZone} records each with SQL, so the table is not just the large zone");

        var check = new PaginationCheck(client);
        Console.WriteLine(await check.RunAsync(large, 1000, ct));
        Console.WriteLine(await check.RunAsync(large, 333, ct));
        Console.WriteLine(await check.RunAsync(baseline, 50, ct));

        var report = new ListQueryReport(connectionString, client, sqlCapture, app.Services.GetService<NpgsqlDataSource>());
        await report.SettleAsync(ct);
        Console.WriteLine();
        Console.WriteLine(await report.RunAsync(large, BenchRun.DeepOffset, 50, ct));
        return new BenchRun(client, baseline, large);
    }
}
