using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Operations;

public sealed class SimpleAccessLogTests(SimpleLogApiFactory api) : IClassFixture<SimpleLogApiFactory>
{
    [Fact]
    public async Task Request_WritesOneLineWithRouteTemplateStatusIdsAndClient()
    {
        using var client = api.CreateAuthenticatedClient();
        var created = await (await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() })).AssertSuccessAsync(HttpStatusCode.Created);
        var zoneId = created.GetProperty("zone").Str("id");

        var response = await client.GetAsync($"/v1/zones/{zoneId}");
        var requestId = response.Headers.GetValues("X-Request-ID").Single();

        var lines = await AccessLog.LinesOfAsync(api.Console, requestId, IsAccessLine);
        var line = Assert.Single(lines, IsAccessLine);
        var message = line[line.IndexOf("GET ", StringComparison.Ordinal)..]; // after the timestamp, category and scopes
        Assert.StartsWith("GET /v1/zones/{zone_id} 200 ", message);
        Assert.DoesNotContain(zoneId, message);
        Assert.Contains($"request_id={requestId}", line);
        Assert.Matches(@"customer_id=[0-9a-f-]{36} ", line);
        Assert.Matches(@"key_id=\S+ ", line);
        Assert.DoesNotContain("key_id=-", line);
        Assert.Contains("client=127.0.0.1", line);
        Assert.Matches(@" 200 \d+(\.\d)?ms ", line);
        Assert.StartsWith("20", line); // a UTC timestamp first, then "info:"
    }

    [Fact]
    public async Task EveryLine_NeverHoldsTheKeyOrTheBody()
    {
        var zone = TestNames.Zone("secretbody");
        using var client = api.CreateAuthenticatedClient();
        using var stranger = api.CreateClientWithKey("zoneapi_NotARealKey-0123456789_abcdefghijklmnopqrstu");

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = zone });
        var refused = await stranger.GetAsync("/v1/zones");
        var requestId = refused.Headers.GetValues("X-Request-ID").Single();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var line = Assert.Single(await AccessLog.LinesOfAsync(api.Console, requestId, IsAccessLine), IsAccessLine);
        Assert.Contains("GET /v1/zones 401 ", line);
        Assert.Contains("customer_id=- key_id=- ", line);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.All(api.Console.Lines, l =>
        {
            Assert.DoesNotContain(ZoneApiFactory.BootstrapKey, l);
            Assert.DoesNotContain("NotARealKey", l);
            Assert.DoesNotContain("Bearer", l);
            Assert.DoesNotContain("secretbody", l);
        });
    }

    [Fact]
    public async Task Request_HasNoStartingOrFinishedLines()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync("/v1/zones");
        var requestId = response.Headers.GetValues("X-Request-ID").Single();

        await AccessLog.LinesOfAsync(api.Console, requestId, IsAccessLine);
        Assert.DoesNotContain(api.Console.Lines, l => l.Contains("Request starting", StringComparison.Ordinal)
            || l.Contains("Request finished", StringComparison.Ordinal) || l.Contains("HttpLogging", StringComparison.Ordinal));
    }

    private static bool IsAccessLine(string line) => line.Contains(AccessLog.Category, StringComparison.Ordinal);
}
