using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

public sealed class ZoneLifecycleTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Get_ExistingZone_ReturnsItWrapped()
    {
        using var client = api.CreateAuthenticatedClient();
        var created = await CreateAsync(client, TestNames.Zone());

        var response = await client.GetAsync($"/v1/zones/{created.Str("id")}");

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(created.ToString(), data.GetProperty("zone").ToString());
    }

    [Fact]
    public async Task Get_UnknownZone_Returns404ZoneNotFound()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync($"/v1/zones/{Guid.NewGuid()}");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Fact]
    public async Task Update_TypeRegionStatus_ChangesOnlyThoseAndKeepsOmittedOnes()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();
        var created = await CreateAsync(client, name, region: "EU");
        await Task.Delay(1100); // updated_at has one-second resolution

        var response = await client.PutAsJsonAsync($"/v1/zones/{created.Str("id")}", new { name = name + ".", status = "paused", type = "secondary" });

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal("Zone updated successfully", data.Str("message"));
        var zone = data.GetProperty("zone");
        Assert.Equal("paused", zone.Str("status"));
        Assert.Equal("slave", zone.Str("type"));
        Assert.Equal("EU", zone.Str("region"));
        Assert.Equal(created.Str("created_at"), zone.Str("created_at"));
        Assert.True(string.CompareOrdinal(zone.Str("updated_at"), created.Str("updated_at")) > 0);
        var reread = (await (await client.GetAsync($"/v1/zones/{created.Str("id")}")).AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("zone");
        Assert.Equal(zone.ToString(), reread.ToString());
    }

    [Fact]
    public async Task Update_WithAnotherName_Returns400AndKeepsTheZone()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();
        var created = await CreateAsync(client, name);

        var response = await client.PutAsJsonAsync($"/v1/zones/{created.Str("id")}", new { name = "renamed-" + name });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["name"], error.Fields());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name = $1", name));
    }

    [Fact]
    public async Task Update_UnknownZone_Returns404()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.PutAsJsonAsync($"/v1/zones/{Guid.NewGuid()}", new { name = "a.example" });

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Fact]
    public async Task Delete_ExistingZone_Returns204EmptyAndRemovesZoneAndRecords()
    {
        using var client = api.CreateAuthenticatedClient();
        var created = await CreateAsync(client, TestNames.Zone());
        var id = Guid.Parse(created.Str("id"));

        var response = await client.DeleteAsync($"/v1/zones/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.Contains("X-Request-ID"));
        await (await client.GetAsync($"/v1/zones/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM records WHERE zone_id = $1", id));
        await (await client.DeleteAsync($"/v1/zones/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Fact]
    public async Task List_PagesThroughAllZonesInNameOrderWithConsistentPagination()
    {
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("lister" + Guid.NewGuid().ToString("N")[..8]));
        var names = Enumerable.Range(0, 7).Select(i => $"{(char)('g' - i)}{Guid.NewGuid():N}"[..12] + ".example").ToList();
        foreach (var name in names)
        {
            await CreateAsync(client, name);
        }

        var seen = new List<string>();
        for (var offset = 0; ;)
        {
            var data = await (await client.GetAsync($"/v1/zones?offset={offset}&limit=3")).AssertSuccessAsync(HttpStatusCode.OK);
            var page = data.GetProperty("pagination");
            var zones = data.GetProperty("zones").EnumerateArray().Select(z => z.Str("name")).ToList();
            Assert.Equal(7, page.GetProperty("total").GetInt32());
            Assert.Equal(offset, page.GetProperty("offset").GetInt32());
            Assert.Equal(3, page.GetProperty("limit").GetInt32());
            Assert.Equal(zones.Count, page.GetProperty("count").GetInt32());
            Assert.Equal(offset + zones.Count < 7, page.GetProperty("has_more").GetBoolean());
            seen.AddRange(zones);
            if (!page.GetProperty("has_more").GetBoolean())
            {
                break;
            }

            offset += zones.Count;
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("?limit=5000", 1000)]
    [InlineData("?limit=1000", 1000)]
    public async Task List_Limit_DefaultsTo10AndClampsAt1000(string query, int effective)
    {
        using var client = api.CreateAuthenticatedClient();

        var data = await (await client.GetAsync("/v1/zones" + query)).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.Equal(effective, data.GetProperty("pagination").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task List_OffsetPastTheEnd_ReturnsEmptyArrayNotNull()
    {
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("empty" + Guid.NewGuid().ToString("N")[..8]));

        var data = await (await client.GetAsync("/v1/zones?offset=50")).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, data.GetProperty("zones").ValueKind);
        Assert.Equal(0, data.GetProperty("zones").GetArrayLength());
        var page = data.GetProperty("pagination");
        Assert.Equal(0, page.GetProperty("count").GetInt32());
        Assert.False(page.GetProperty("has_more").GetBoolean());
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string name, string? region = null)
    {
        var response = await client.PostAsJsonAsync("/v1/zones", new { name, region });
        return (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
    }
}
