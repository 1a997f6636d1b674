using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// Many writers stuck behind one zone's row lock (held here from a test connection, as a slow transaction would):
/// they end in 503 (lock timeout or deadline), never 500 and never a hang, and meanwhile authentication, health and
/// another customer's requests still answer.
/// </summary>
public sealed class HeldZoneLockTests(OutageApiFactory api) : IClassFixture<OutageApiFactory>
{
    private const int StuckWriters = 60;

    [Fact]
    public async Task WritesBehindAHeldZoneLock_End503_WhileAuthHealthAndOtherCustomersAnswer()
    {
        using var owner = api.CreateClientWithKey(OutageApiFactory.BootstrapKey);
        using var other = api.CreateClientWithKey(await api.CreateKeyAsync("lock-bystander"));
        using var anonymous = api.CreateClient();
        var zoneId = (await (await owner.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone").Str("id");
        await using var holder = new NpgsqlConnection(api.Postgres.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockZone = new NpgsqlCommand("SELECT 1 FROM zones WHERE id = $1 FOR UPDATE", holder, transaction))
        {
            lockZone.Parameters.AddWithValue(Guid.Parse(zoneId));
            await lockZone.ExecuteScalarAsync();
        }

        var writes = Enumerable.Range(0, StuckWriters).Select(async i =>
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await owner.PostAsJsonAsync($"/v1/zones/{zoneId}/records", new { name = $"w{i}", type = "CNAME", content = "target.example.net." });
            await response.Content.LoadIntoBufferAsync();
            return (Response: response, stopwatch.Elapsed);
        }).ToList();
        await Task.Delay(300); // the writers are queued or waiting on the lock now
        var health = await TimedAsync(() => anonymous.GetAsync("/v1/health"));
        var bystanderList = await TimedAsync(() => other.GetAsync("/v1/zones"));
        var bystanderCreate = await TimedAsync(() => other.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }));
        var results = await Task.WhenAll(writes);
        await transaction.RollbackAsync();

        Assert.Equal(HttpStatusCode.OK, health.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bystanderList.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bystanderCreate.Response.StatusCode);
        Assert.All([health, bystanderList, bystanderCreate], r => Assert.True(r.Elapsed < TimeSpan.FromSeconds(2), $"took {r.Elapsed.TotalSeconds:0.0} s"));
        foreach (var (response, elapsed) in results)
        {
            await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.True(elapsed <= OutageApiFactory.Bound, $"a stuck write answered after {elapsed.TotalSeconds:0.0} s");
        }

        var after = await owner.PostAsJsonAsync($"/v1/zones/{zoneId}/records", new { name = "after", type = "CNAME", content = "target.example.net." });
        await after.AssertSuccessAsync(HttpStatusCode.Created);
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await call();
        return (response, stopwatch.Elapsed);
    }
}
