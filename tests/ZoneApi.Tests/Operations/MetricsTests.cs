using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.RateLimits;

namespace ZoneApi.Tests.Operations;

/// <summary>
/// /metrics in Prometheus text format, scraped as Prometheus would: without a key, more often than the
/// unauthenticated rate limit allows, after a created zone, a refused write and a 429.
/// </summary>
public sealed class MetricsTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Scrape_AfterWritesRefusalsAndA429_ShowsEverySeriesAndNoNames()
    {
        using var client = await api.CreateClientWithNewKeyAsync();
        var zone = TestNames.Zone("metricsleak");
        var created = await client.PostAsJsonAsync("/v1/zones", new { name = zone });
        var duplicate = await client.PostAsJsonAsync("/v1/zones", new { name = zone });
        var limited = await UntilLimitedAsync(() => client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }));
        using var scraper = api.CreateClient();

        var scrapes = new List<HttpResponseMessage>();
        var text = "";
        for (var i = 0; i < 20 && !HasEverySeries(text); i++)
        {
            // The request duration is recorded as each request ends, just after its response: scrape until it shows.
            var scrape = await scraper.GetAsync("/metrics");
            scrapes.Add(scrape);
            text = await scrape.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(scrapes.Count > RateLimitedApiFactory.UnauthenticatedBurst || HasEverySeries(text), "scraped too few times to tell");
        Assert.All(scrapes, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode)); // no key, never 429
        Assert.StartsWith("text/plain", scrapes[0].Content.Headers.ContentType?.MediaType);
        Assert.True(HasEverySeries(text), text);
        Assert.Matches("zoneapi_write_refusals_total\\{[^}]*code=\"ZONE_EXISTS\"", text);
        Assert.Matches("db_client_connection_count\\{[^}]*db_client_connection_pool_name=\"zoneapi\"", text); // the pool, not a connection string
        Assert.Contains("http_response_status_code=\"429\"", text);
        Assert.DoesNotContain("metricsleak", text);
        Assert.DoesNotContain(RateLimitedApiFactory.BootstrapKey, text);
    }

    [Fact]
    public async Task ApiDocument_DoesNotListMetrics()
    {
        using var client = api.CreateClient();

        var document = await client.GetStringAsync("/swagger/v1/swagger.json");

        // /metrics is a middleware branch for Prometheus, not an API operation: no endpoint, nothing to document.
        Assert.DoesNotContain("\"/metrics\"", document);
    }

    private static readonly string[] Series =
    [
        "http_server_request_duration_seconds_bucket{", // rate and latency, by route, method and status
        "aspnetcore_rate_limiting_requests_total{",
        "zoneapi_write_refusals_total{",
        "db_client_connection",
    ];

    private static bool HasEverySeries(string text) =>
        Series.All(s => text.Contains(s, StringComparison.Ordinal))
        && text.Contains("http_route=\"v1/zones\"", StringComparison.Ordinal)
        && text.Contains("http_response_status_code=\"409\"", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> UntilLimitedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < 10; i++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        throw new InvalidOperationException("the write limit was never reached");
    }
}
