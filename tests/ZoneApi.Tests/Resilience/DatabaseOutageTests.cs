using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// PostgreSQL stopped, restarted, frozen: every route answers 503 SERVICE_UNAVAILABLE with Retry-After within the
/// configured bound, never 500 and never a hang, and the same API instance serves again once the database is back.
/// The tests share one cluster, so they run one after another (xunit runs a class's tests sequentially).
/// </summary>
public sealed class DatabaseOutageTests(OutageApiFactory api) : IClassFixture<OutageApiFactory>
{
    [Fact]
    public async Task EveryRoute_WhilePostgresIsStopped_Answers503InTime_AndServesAgainAfterRestart()
    {
        var routes = await SeedAsync();
        await routes.Client.GetAsync("/v1/zones"); // pooled connections that the shutdown will terminate (57P01)

        await api.Postgres.StopAsync();
        EveryRoute.Answer[] answers;
        try
        {
            answers = await routes.Calls.CallAllAsync();
        }
        finally
        {
            await api.Postgres.RestartAsync();
        }

        await EveryRoute.AssertAllUnavailableAsync(answers, OutageApiFactory.Bound);
        await AssertServesAgainAsync(routes.Client);
    }

    [Fact]
    public async Task EveryRoute_WhilePostgresIsFrozen_Answers503InTime_AndServesAgainAfterThaw()
    {
        var routes = await SeedAsync();

        await api.Postgres.FreezeAsync();
        EveryRoute.Answer[] answers;
        try
        {
            answers = await routes.Calls.CallAllAsync();
        }
        finally
        {
            await api.Postgres.ThawAsync();
        }

        await EveryRoute.AssertAllUnavailableAsync(answers, OutageApiFactory.Bound);
        await AssertServesAgainAsync(routes.Client);
    }

    [Fact]
    public async Task Health_WhilePostgresIsFrozen_Answers503WithRetryAfterInTime()
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/v1/health")).StatusCode);

        await api.Postgres.FreezeAsync();
        HttpResponseMessage response;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            response = await anonymous.GetAsync("/v1/health");
        }
        finally
        {
            await api.Postgres.ThawAsync();
        }

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.True(stopwatch.Elapsed <= OutageApiFactory.Bound, $"health took {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(HttpClient Client, EveryRoute Calls)> SeedAsync()
    {
        var client = api.CreateClientWithKey(OutageApiFactory.BootstrapKey);
        var zone = (await (await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        var record = (await (await client.PostAsJsonAsync($"/v1/zones/{zone.Str("id")}/records", new { name = "www", type = "A", content = "192.0.2.1" }))
            .AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");
        return (client, new EveryRoute(client, api.CreateClient(), zone.Str("id"), zone.Str("name"), record.Str("id")));
    }

    /// <summary>
    /// Back in service without restarting the API: a connection that broke during the outage may cost one more 503,
    /// so poll briefly; then health, a read and a write succeed.
    /// </summary>
    private async Task AssertServesAgainAsync(HttpClient client)
    {
        using var anonymous = api.CreateClient();
        var deadline = Stopwatch.StartNew();
        HttpResponseMessage health;
        do
        {
            health = await anonymous.GetAsync("/v1/health");
            Assert.NotEqual(HttpStatusCode.InternalServerError, health.StatusCode);
        }
        while (health.StatusCode != HttpStatusCode.OK && deadline.Elapsed < TimeSpan.FromSeconds(20) && await Delay());

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        HttpResponseMessage created;
        do
        {
            created = await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() });
            Assert.NotEqual(HttpStatusCode.InternalServerError, created.StatusCode);
        }
        while (created.StatusCode == HttpStatusCode.ServiceUnavailable && deadline.Elapsed < TimeSpan.FromSeconds(20) && await Delay());

        await created.AssertSuccessAsync(HttpStatusCode.Created);
        await (await client.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
