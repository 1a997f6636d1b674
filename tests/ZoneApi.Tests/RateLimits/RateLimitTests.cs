using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.RateLimits;

/// <summary>
/// Per-key token buckets (CONTRACT A7): past the burst a key gets 429 RATE_LIMITED with Retry-After and the
/// RateLimit-* headers; reads and writes are counted apart; other keys and health are not affected. The buckets
/// refill at one token a second, so a test that sends its requests back to back meets the limit within a few.
/// </summary>
public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Reads_PastTheBurst_Answer429WithRetryAfterAndRateLimitHeaders()
    {
        using var client = await api.CreateClientWithNewKeyAsync();

        var first = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimitedApiFactory.ReadBurst; i++)
        {
            first.Add(await client.GetAsync("/v1/zones"));
        }

        var limited = await UntilLimitedAsync(() => client.GetAsync("/v1/zones"));

        Assert.All(first, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(RateLimitedApiFactory.ReadBurst, Header(first[0], "RateLimit-Limit"));
        Assert.Equal(RateLimitedApiFactory.ReadBurst - 1, Header(first[0], "RateLimit-Remaining"));
        Assert.InRange(Header(first[^1], "RateLimit-Remaining"), 0, 1); // a token may have come back meanwhile
        Assert.InRange(Header(first[^1], "RateLimit-Reset"), 1, RateLimitedApiFactory.ReadBurst);
        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal(RateLimitedApiFactory.ReadBurst, Header(limited, "RateLimit-Limit"));
        Assert.Equal(0, Header(limited, "RateLimit-Remaining"));
        Assert.InRange(Header(limited, "RateLimit-Reset"), 1, RateLimitedApiFactory.ReadBurst);
    }

    [Fact]
    public async Task Writes_PastTheBurst_Answer429_WhileReadsOfTheSameKeyStillPass()
    {
        using var client = await api.CreateClientWithNewKeyAsync();

        var limited = await UntilLimitedAsync(() => client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }));
        var read = await client.GetAsync("/v1/zones");

        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(RateLimitedApiFactory.WriteBurst, Header(limited, "RateLimit-Limit"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(RateLimitedApiFactory.ReadBurst, Header(read, "RateLimit-Limit"));
    }

    [Fact]
    public async Task Reads_PastTheBurst_LeaveWritesOfTheSameKeyAndOtherKeysAlone()
    {
        using var client = await api.CreateClientWithNewKeyAsync();
        using var otherKey = await api.CreateClientWithNewKeyAsync();

        await (await UntilLimitedAsync(() => client.GetAsync("/v1/zones"))).AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        var write = await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() });
        var otherRead = await otherKey.GetAsync("/v1/zones");

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherRead.StatusCode);
        Assert.Equal(RateLimitedApiFactory.ReadBurst - 1, Header(otherRead, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Health_IsNeverLimited()
    {
        using var anonymous = api.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10 * RateLimitedApiFactory.UnauthenticatedBurst; i++)
        {
            answers.Add(await anonymous.GetAsync("/v1/health"));
        }

        Assert.All(answers, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.False(r.Headers.Contains("RateLimit-Limit"));
        });
    }

    [Fact]
    public async Task RequestsWithoutAKey_PastTheAddressBurst_Answer429()
    {
        using var anonymous = api.CreateClient();

        var first = await anonymous.GetAsync("/v1/zones");
        var limited = await UntilLimitedAsync(() => anonymous.GetAsync("/v1/zones"));

        await first.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(RateLimitedApiFactory.UnauthenticatedBurst, Header(limited, "RateLimit-Limit"));
    }

    /// <summary>Sends back to back until a 429, which must come within a few requests of the burst.</summary>
    private static async Task<HttpResponseMessage> UntilLimitedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await send();
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        throw new Xunit.Sdk.XunitException("20 requests back to back were never limited");
    }

    private static int Header(HttpResponseMessage response, string name) =>
        int.Parse(Assert.Single(response.Headers.GetValues(name)), NumberStyles.None, CultureInfo.InvariantCulture);
}
