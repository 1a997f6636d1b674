using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Keys, scopes and customers on every record route (CONTRACT A6, B5.3).</summary>
public sealed class RecordAuthTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string SomeId = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static TheoryData<string, string> RecordRoutes => new()
    {
        { "GET", "/records" },
        { "POST", "/records" },
        { "GET", $"/records/{SomeId}" },
        { "PUT", $"/records/{SomeId}" },
        { "DELETE", $"/records/{SomeId}" },
        { "PUT", "/records/by-name/www/A" },
        { "DELETE", "/records/by-name/www/A" },
    };

    public static TheoryData<string, string> WriteRoutes => new()
    {
        { "POST", "/records" },
        { "PUT", "/records/{id}" },
        { "DELETE", "/records/{id}" },
        { "PUT", "/records/by-name/www/A" },
        { "DELETE", "/records/by-name/www/A" },
        { "DELETE", "/records/by-name/www/A?content=192.0.2.1" },
    };

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_WithoutKey_Returns401(string method, string route)
    {
        using var client = api.CreateClient();

        var response = await client.SendAsync(Request(method, $"/v1/zones/{Guid.NewGuid()}{route}"));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_WithUnknownKey_Returns401(string method, string route)
    {
        using var client = api.CreateClientWithKey("zoneapi_not_a_real_key_at_all_0000000000000");

        var response = await client.SendAsync(Request(method, $"/v1/zones/{Guid.NewGuid()}{route}"));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_WithZonesScopesOnly_Returns403InsufficientScope(string method, string route)
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "zones:write"));
        var before = await zone.SnapshotAsync();

        var response = await client.SendAsync(Request(method, $"/v1/zones/{zone.Id}{route.Replace(SomeId, record.Str("id"))}"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_WithRecordScopesButNotZonesRead_Returns403InsufficientScope(string method, string route)
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "records:read", "records:write"));
        var before = await zone.SnapshotAsync();

        var response = await client.SendAsync(Request(method, $"/v1/zones/{zone.Id}{route.Replace(SomeId, record.Str("id"))}"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task ReadKey_CanListAndGetRecords()
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:read"));
        var reader = zone.WithClient(client);

        var listed = await reader.SnapshotAsync();
        var got = await reader.GetRecordAsync(record.Str("id"));

        Assert.Equal(await zone.SnapshotAsync(), listed);
        Assert.Equal(record.GetRawText(), got.GetRawText());
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task ReadKey_OnWrites_Returns403InsufficientScopeAndChangesNothing(string method, string route)
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:read"));
        var before = await zone.SnapshotAsync();

        var response = await client.SendAsync(Request(method, $"/v1/zones/{zone.Id}{route.Replace("{id}", record.Str("id"))}"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task WriteKeyWithoutRecordsRead_CanCreateUpdateAndDelete()
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:write"));
        var writer = zone.WithClient(client);

        var created = await writer.AddRecordAsync("www", "A", "192.0.2.1");
        var updated = await writer.PutAsync(created.Str("id"), new { name = "www", type = "A", content = "192.0.2.2" });
        var byName = await writer.PutByNameAsync("www", "A", new { content = "192.0.2.3" });
        var deleted = await writer.DeleteByNameAsync("www", "A");

        await updated.AssertSuccessAsync(HttpStatusCode.OK);
        await byName.AssertSuccessAsync(HttpStatusCode.OK);
        await RecordAssert.NoContentAsync(deleted);
        await (await writer.GetAsync(created.Str("id"))).AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_AnotherCustomersZone_Returns404ZoneNotFound(string method, string route)
    {
        using var owner = api.CreateClientWithKey(await api.CreateKeyAsync("owner-" + Guid.NewGuid().ToString("N")[..8]));
        var zone = await TestZone.CreateAsync(owner);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        using var stranger = api.CreateClientWithKey(await api.CreateKeyAsync("stranger-" + Guid.NewGuid().ToString("N")[..8]));
        var before = await zone.SnapshotAsync();

        var response = await stranger.SendAsync(Request(method, $"/v1/zones/{zone.Id}{route.Replace(SomeId, record.Str("id"))}"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_UnknownZone_Returns404ZoneNotFound(string method, string route)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.SendAsync(Request(method, $"/v1/zones/{Guid.NewGuid()}{route}"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_UnknownZoneWithAnInvalidBody_ChecksTheZoneFirst(string method, string route)
    {
        using var client = api.CreateAuthenticatedClient();
        var request = Request(method, $"/v1/zones/{Guid.NewGuid()}{route}");
        if (request.Content is not null)
        {
            request.Content = route.Contains("/by-name/", StringComparison.Ordinal)
                ? JsonContent.Create(new { content = "999.1.1.1", ttl = 5 })
                : JsonContent.Create(new { name = "www", type = "A", content = "999.1.1.1", ttl = 5 });
        }

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Theory]
    [MemberData(nameof(RecordRoutes))]
    public async Task Route_NonUuidZoneId_Returns400InvalidZoneId(string method, string route)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.SendAsync(Request(method, $"/v1/zones/zone_123{route}"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ZONE_ID");
    }

    [Fact]
    public async Task Get_RecordIdOfAnotherZone_Returns404RecordNotFound()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);
        var record = await other.AddRecordAsync("www", "A", "192.0.2.1");

        var get = await zone.GetAsync(record.Str("id"));
        var delete = await zone.DeleteAsync(record.Str("id"));

        await get.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await delete.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(record.GetRawText(), (await other.GetRecordAsync(record.Str("id"))).GetRawText());
    }

    /// <summary>A request with a valid body for the route, so that only auth, scope or zone can refuse it.</summary>
    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" || (method == "PUT" && !path.Contains("/by-name/", StringComparison.Ordinal)))
        {
            request.Content = JsonContent.Create(new { name = "www", type = "A", content = "192.0.2.1" });
        }
        else if (method == "PUT")
        {
            request.Content = JsonContent.Create(new { content = "192.0.2.7" });
        }

        return request;
    }
}
