using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Auth;

public sealed class ApiKeyAuthTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string, string> ZoneRoutes => new()
    {
        { "GET", "/v1/zones" },
        { "POST", "/v1/zones" },
        { "GET", $"/v1/zones/{Guid.NewGuid()}" },
        { "PUT", $"/v1/zones/{Guid.NewGuid()}" },
        { "DELETE", $"/v1/zones/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(ZoneRoutes))]
    public async Task Route_WithoutKey_Returns401Envelope(string method, string path)
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Request(method, path));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer zoneapi_not_a_real_key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer two words")]
    [InlineData("zoneapi_TestBootstrapKey-0123456789_abcdefghijklmnopq")]
    public async Task Route_WithBadAuthorization_Returns401(string header)
    {
        using var client = api.CreateClient();
        var request = Request("GET", "/v1/zones");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Health_WithoutKey_Returns200()
    {
        using var client = api.CreateClient();

        var data = await (await client.GetAsync("/v1/health")).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.Equal("ok", data.GetProperty("health").Str("status"));
        Assert.Matches(@"Z$", data.GetProperty("health").Str("timestamp"));
    }

    [Fact]
    public async Task Keys_AreStoredOnlyAsSha256Hashes()
    {
        var secret = await api.CreateKeyAsync("hashcheck");

        Assert.StartsWith("zoneapi_", secret);
        Assert.True(secret.Length >= "zoneapi_".Length + 43, "at least 32 random bytes");
        var stored = await api.ScalarAsync<byte[]>("SELECT key_hash FROM api_keys WHERE key_hash = sha256(convert_to($1, 'UTF8'))", secret);
        Assert.Equal(32, stored!.Length);
        var rowsContainingSecret = await api.ScalarAsync<long>(
            "SELECT count(*) FROM api_keys k WHERE position($1 in k::text) > 0 OR position(encode(convert_to($1, 'UTF8'), 'hex') in k::text) > 0", secret);
        Assert.Equal(0L, rowsContainingSecret);
    }

    [Fact]
    public async Task OtherCustomersZone_IsNotFoundOnEveryRouteAndNotListed()
    {
        using var owner = api.CreateClientWithKey(await api.CreateKeyAsync("owner"));
        using var stranger = api.CreateClientWithKey(await api.CreateKeyAsync("stranger"));
        var name = TestNames.Zone();
        var zone = (await (await owner.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        var path = $"/v1/zones/{zone.Str("id")}";

        await (await stranger.GetAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        await (await stranger.PutAsJsonAsync(path, new { name, status = "paused" })).AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        await (await stranger.DeleteAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        var listed = await (await stranger.GetAsync("/v1/zones?limit=1000")).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(listed.GetProperty("zones").EnumerateArray(), z => z.Str("name") == name);
        var still = (await (await owner.GetAsync(path)).AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("zone");
        Assert.Equal("active", still.Str("status"));
    }

    [Fact]
    public async Task ReadOnlyKey_CanReadButGets403OnEveryWrite()
    {
        using var admin = api.CreateAuthenticatedClient();
        var readOnlyKey = await api.CreateKeyAsync("default", "zones:read");
        using var reader = api.CreateClientWithKey(readOnlyKey);
        var name = TestNames.Zone();
        var zone = (await (await admin.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        var path = $"/v1/zones/{zone.Str("id")}";

        await (await reader.GetAsync(path)).AssertSuccessAsync(HttpStatusCode.OK);
        var create = await (await reader.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
        await (await reader.PutAsJsonAsync(path, new { name, status = "paused" })).AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
        await (await reader.DeleteAsync(path)).AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");

        Assert.Contains("zones:write", create.Str("message"));
        await (await admin.GetAsync(path)).AssertSuccessAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeyWithoutZonesRead_Gets403OnList()
    {
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "records:read"));

        var error = await (await client.GetAsync("/v1/zones")).AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");

        Assert.Contains("zones:read", error.Str("message"));
    }

    [Fact]
    public async Task RevokedKey_Returns401WithinOneSecond()
    {
        var key = await api.CreateKeyAsync("revoked");
        using var client = api.CreateClientWithKey(key);
        await (await client.GetAsync("/v1/zones")).AssertSuccessAsync(HttpStatusCode.OK);

        await api.ScalarAsync<object>("UPDATE api_keys SET revoked_at = now() WHERE key_hash = sha256(convert_to($1, 'UTF8'))", key);
        var revoked = Stopwatch.StartNew();

        await KeyRefusal.AssertRefusedWithinOneSecondAsync(client, revoked);
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{\"name\":\"a.example\"}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }
}
