using System.Diagnostics;
using System.Net;
using ZoneApi.Tests.Auth;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>
/// Each instance trusts a key it has read for less than a second, which spares a query per request; CONTRACT A6
/// still holds on both: a revoked key is refused everywhere within one second, an expired one at once.
/// </summary>
public sealed class TwoInstanceKeyTests(TwoApiInstances api) : IClassFixture<TwoApiInstances>
{
    private const string ByHash = "key_hash = sha256(convert_to($1, 'UTF8'))";

    [Fact]
    public async Task RevokedKey_InUseOnBothInstances_IsRefusedByBothWithinOneSecond()
    {
        var key = await api.CreateKeyAsync("k" + Guid.NewGuid().ToString("N")[..12]);
        using var one = api.ClientOf(0, key);
        using var two = api.ClientOf(1, key);
        foreach (var client in new[] { one, two, one, two })
        {
            await (await client.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        }

        await api.ScalarAsync<object>($"UPDATE api_keys SET revoked_at = now() WHERE {ByHash}", key);
        var revoked = Stopwatch.StartNew();

        await KeyRefusal.AssertRefusedWithinOneSecondAsync(one, revoked);
        await KeyRefusal.AssertRefusedWithinOneSecondAsync(two, revoked);
        // And it stays refused: nothing brings a revoked key back once an instance has asked again.
        await Task.Delay(KeyRefusal.Bound);
        await (await one.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await two.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task ExpiringKey_InUseOnBothInstances_IsRefusedByBothOnceItExpires()
    {
        var key = await api.CreateKeyAsync("k" + Guid.NewGuid().ToString("N")[..12]);
        var expiresAt = await api.ScalarAsync<DateTime>(
            $"UPDATE api_keys SET expires_at = clock_timestamp() + interval '3 seconds' WHERE {ByHash} RETURNING expires_at", key);
        using var one = api.ClientOf(0, key);
        using var two = api.ClientOf(1, key);
        var expiry = expiresAt.ToUniversalTime();
        await (await one.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);
        await (await two.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);

        // In use on both until just before it expires, so each instance holds a recent read of it.
        while (DateTime.UtcNow < expiry - TimeSpan.FromMilliseconds(150))
        {
            (await one.GetAsync("/v1/zones")).Dispose();
            (await two.GetAsync("/v1/zones")).Dispose();
            await Task.Delay(50);
        }

        var wait = expiry - DateTime.UtcNow + TimeSpan.FromMilliseconds(50);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);

        await (await one.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await two.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
