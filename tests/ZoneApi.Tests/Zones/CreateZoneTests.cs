using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

public sealed class CreateZoneTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_WithUpperCaseAndTrailingDot_StoresCanonicalNameWithDefaults()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = name.ToUpperInvariant() + "." });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Equal("Zone created successfully", data.Str("message"));
        var zone = data.GetProperty("zone");
        Assert.Equal(name, zone.Str("name"));
        Assert.True(Guid.TryParseExact(zone.Str("id"), "D", out _));
        Assert.True(Guid.TryParseExact(zone.Str("customer_id"), "D", out _));
        Assert.Equal("master", zone.Str("type"));
        Assert.Equal("EU_GLOBAL", zone.Str("region"));
        Assert.Equal("active", zone.Str("status"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", zone.Str("created_at"));
        Assert.Equal(zone.Str("created_at"), zone.Str("updated_at"));
        Assert.Equal(
            ["id", "customer_id", "name", "type", "region", "status", "created_at", "updated_at"],
            zone.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("primary", "master")]
    [InlineData("secondary", "slave")]
    [InlineData("SLAVE", "slave")]
    public async Task Create_WithTypeAlias_ReturnsPowerDnsKind(string sent, string stored)
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone(), type = sent, region = "eu", status = "paused" });

        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        Assert.Equal(stored, zone.Str("type"));
        Assert.Equal("EU", zone.Str("region"));
        Assert.Equal("paused", zone.Str("status"));
    }

    [Fact]
    public async Task Create_WithUnicodeName_StoresPunycode()
    {
        using var client = api.CreateAuthenticatedClient();
        var label = "bücher" + Guid.NewGuid().ToString("N")[..8];

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = $"{label}.example" });

        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        Assert.StartsWith("xn--", zone.Str("name"));
        Assert.EndsWith(".example", zone.Str("name"));
    }

    [Fact]
    public async Task Create_Always_WritesSoaAndConfiguredNsAtApexInTheSameTransaction()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();

        var zone = (await (await client.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");

        var id = Guid.Parse(zone.Str("id"));
        var soa = await api.ScalarAsync<string>("SELECT content FROM records WHERE zone_id = $1 AND type = 'SOA' AND name = $2", id, name + ".");
        var today = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"ns1.zoneapi.test. hostmaster.zoneapi.test. {today}01 10800 3600 604800 3600", soa);
        var nameservers = await api.ScalarAsync<string>(
            "SELECT string_agg(content, ',' ORDER BY content) FROM records WHERE zone_id = $1 AND type = 'NS' AND protected", id);
        Assert.Equal("ns1.zoneapi.test.,ns2.zoneapi.test.", nameservers);
    }

    [Fact]
    public async Task Create_ExistingName_Returns409ZoneExists()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();
        await (await client.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created);

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = name.ToUpperInvariant() + "." });

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_EXISTS");
        Assert.Contains(name, error.Str("message"));
    }

    [Fact]
    public async Task Create_NameHeldByAnotherCustomer_Returns409ZoneUnavailableWithoutTheName()
    {
        using var mine = api.CreateAuthenticatedClient();
        using var theirs = api.CreateClientWithKey(await api.CreateKeyAsync("rival"));
        var name = TestNames.Zone();
        await (await theirs.PostAsJsonAsync("/v1/zones", new { name })).AssertSuccessAsync(HttpStatusCode.Created);

        var response = await mine.PostAsJsonAsync("/v1/zones", new { name });

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.DoesNotContain(name, error.Str("message"));
    }

    [Fact]
    public async Task Create_TwentyConcurrentRequestsForOneName_ExactlyOneSucceeds()
    {
        using var client = api.CreateAuthenticatedClient();
        var name = TestNames.Zone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/v1/zones", new { name })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name = $1", name));
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM records r JOIN zones z ON z.id = r.zone_id WHERE z.name = $1 AND r.type = 'SOA'", name));
    }
}
