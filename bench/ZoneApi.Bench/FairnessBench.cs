using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ZoneApi.Auth;

namespace ZoneApi.Bench;

/// <summary>
/// Issue 6's fairness acceptance: customer B's CNAME-create latency, quiet and while customer A fires CNAME creates
/// at concurrency 64, and the slowest health and authenticated request (a third customer's GET /v1/zones)
/// throughout. Bounded: a fixed number of B requests per phase, and a time limit on the loaded phase.
/// </summary>
public sealed class FairnessBench(BenchApp app)
{
    public const int Concurrency = 64;
    private const int Warmup = 30;
    private const int Samples = 300;
    private static readonly TimeSpan LoadedTimeLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var anonymous = app.CreateClient(); // on Kestrel: its base address is the server's loopback address
        using var customerA = await ClientForNewCustomerAsync(anonymous.BaseAddress!, "fair-a", ct);
        using var customerB = await ClientForNewCustomerAsync(anonymous.BaseAddress!, "fair-b", ct);
        using var customerC = await ClientForNewCustomerAsync(anonymous.BaseAddress!, "fair-c", ct);
        var zoneA = await CreateZoneAsync(customerA, "a.fairness.example", ct);
        var zoneB = await CreateZoneAsync(customerB, "b.fairness.example", ct);

        var next = 0;
        async Task<int> CreateCnameAsync(HttpClient client, Guid zone, string prefix, CancellationToken token)
        {
            var name = $"{prefix}{Interlocked.Increment(ref next)}";
            using var response = await client.PostAsJsonAsync($"/v1/zones/{zone}/records", new { name, type = "CNAME", content = "target.example.net." }, token);
            return (int)response.StatusCode;
        }

        await MeasureAsync(Warmup, () => CreateCnameAsync(customerB, zoneB, "warm", ct), ct);
        var quiet = await MeasureAsync(Samples, () => CreateCnameAsync(customerB, zoneB, "quiet", ct), ct);
        Console.WriteLine($"Quiet: B p50 {quiet.Percentile(50):0.0} ms, p99 {quiet.Percentile(99):0.0} ms");

        var health = new LatencySample();
        var auth = new LatencySample();
        var loadA = new LatencySample();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(LoadedTimeLimit);
        var probes = ProbeAsync(anonymous, customerC, health, auth, stop.Token);
        var writers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    var status = await CreateCnameAsync(customerA, zoneA, "load", stop.Token);
                    loadA.Add(stopwatch.Elapsed, status);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // A's load reaches its steady state first
        var loaded = await MeasureAsync(Samples, () => CreateCnameAsync(customerB, zoneB, "loaded", stop.Token), stop.Token);
        await stop.CancelAsync();
        await Task.WhenAll([.. writers, probes]);

        Console.WriteLine(Report(quiet, loaded, health, auth, loadA));
        return 0;
    }

    private static string Report(LatencySample quiet, LatencySample loaded, LatencySample health, LatencySample auth, LatencySample loadA)
    {
        var ratio = loaded.Percentile(99) / quiet.Percentile(99);
        var probeMax = Math.Max(health.Max, auth.Max);
        return string.Create(CultureInfo.InvariantCulture, $"""

            | measure | quiet | A at concurrency {Concurrency} | target |
            |---|---|---|---|
            | B CNAME create p50 | {quiet.Percentile(50):0.0} ms | {loaded.Percentile(50):0.0} ms | |
            | B CNAME create p99 | {quiet.Percentile(99):0.0} ms | {loaded.Percentile(99):0.0} ms | |
            | B p99 loaded / quiet | | **{ratio:0.00}** | ≤ 2 ({(ratio <= 2 ? "met" : "NOT met")}) |
            | health max ({health.Count} probes) | | {health.Max:0.0} ms | < 1 s ({(health.Max < 1000 ? "met" : "NOT met")}) |
            | auth max, C's GET /v1/zones ({auth.Count} probes) | | {auth.Max:0.0} ms | < 1 s ({(auth.Max < 1000 ? "met" : "NOT met")}) |
            | A CNAME creates during the run | | {loadA.Count} ({loadA.Statuses()}), p50 {loadA.Percentile(50):0} ms, p99 {loadA.Percentile(99):0} ms | |

            B's statuses: quiet {quiet.Statuses()}, loaded {loaded.Statuses()}; health {health.Statuses()}; auth {auth.Statuses()}.
            Fairness {(ratio <= 2 && probeMax < 1000 ? "target met" : "target NOT met")}.
            """);
    }

    /// <summary>Runs <paramref name="send"/> <paramref name="count"/> times, one after another, timing each.</summary>
    private static async Task<LatencySample> MeasureAsync(int count, Func<Task<int>> send, CancellationToken ct = default)
    {
        var sample = new LatencySample();
        for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var status = await send();
            sample.Add(stopwatch.Elapsed, status);
        }

        return sample;
    }

    /// <summary>Health and an authenticated read of a third customer, every 50 ms until stopped.</summary>
    private static async Task ProbeAsync(HttpClient anonymous, HttpClient customerC, LatencySample health, LatencySample auth, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await TimeAsync(health, () => anonymous.GetAsync("/v1/health", ct));
                await TimeAsync(auth, () => customerC.GetAsync("/v1/zones?limit=1", ct));
                await Task.Delay(ProbeInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task TimeAsync(LatencySample sample, Func<Task<HttpResponseMessage>> send)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await send();
        await response.Content.LoadIntoBufferAsync();
        sample.Add(stopwatch.Elapsed, (int)response.StatusCode);
    }

    /// <summary>A client of its own per customer (its own connections), with a new key of that customer.</summary>
    private async Task<HttpClient> ClientForNewCustomerAsync(Uri server, string customer, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customer, Scopes.All, "bench", ct);
        var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static async Task<Guid> CreateZoneAsync(HttpClient client, string name, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/v1/zones", new { name }, ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new BenchSetupException($"creating {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
        return body.GetProperty("data").GetProperty("zone").GetProperty("id").GetGuid();
    }
}
