using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>A zone name and every name below it belong to one customer (CONTRACT A5).</summary>
public sealed class ZoneOwnershipTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("{0}", "{0}")]
    [InlineData("{0}", "WWW.{0}.")]
    [InlineData("{0}", "www.{0}")]
    [InlineData("{0}", "a.b.c.{0}")]
    [InlineData("sub.{0}", "{0}")]
    [InlineData("deep.sub.{0}", "{0}")]
    [InlineData("deep.sub.{0}", "sub.{0}")]
    [InlineData("deep.sub.{0}", "x.deep.sub.{0}")]
    public async Task Create_AtInsideOrAboveAnotherCustomersZone_Returns409ZoneUnavailableNamingNoZone(string heldByA, string wantedByB)
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");
        await TwoCustomers.CreateZoneAsync(customers.A, string.Format(System.Globalization.CultureInfo.InvariantCulture, heldByA, root));

        var response = await TwoCustomers.PostZoneAsync(customers.B, string.Format(System.Globalization.CultureInfo.InvariantCulture, wantedByB, root));

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.DoesNotContain(root.Split('.')[0], error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await ZonesOfOthersBelowAsync(root, customers.A));
    }

    [Theory]
    [InlineData("deep.sub.{0}", "other.sub.{0}")]
    [InlineData("{0}", "x{0}")]
    [InlineData("x{0}", "{0}")]
    [InlineData("sub.{0}", "sub-{0}")]
    [InlineData("a.{0}", "b.{0}")]
    public async Task Create_NextToAnotherCustomersZone_Returns201(string heldByA, string wantedByB)
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");
        await TwoCustomers.CreateZoneAsync(customers.A, string.Format(System.Globalization.CultureInfo.InvariantCulture, heldByA, root));

        var zone = await TwoCustomers.CreateZoneAsync(customers.B, string.Format(System.Globalization.CultureInfo.InvariantCulture, wantedByB, root));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, wantedByB, root), zone.Str("name"));
    }

    [Fact]
    public async Task Create_EveryReasonForRefusal_GivesTheSameMessage()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");
        await TwoCustomers.CreateZoneAsync(customers.A, root);
        var other = TestNames.Zone("other");
        await TwoCustomers.CreateZoneAsync(customers.A, "deep.sub." + other);
        var wanted = new[] { root, "www." + root, "sub." + other, "zoneapi.test", "ns1.zoneapi.test" };

        var messages = new List<string>();
        foreach (var name in wanted)
        {
            var error = await (await TwoCustomers.PostZoneAsync(customers.B, name)).AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
            messages.Add(error.Str("message"));
        }

        Assert.Single(messages.Distinct());
        Assert.False(messages[0].Contains(".example", StringComparison.Ordinal) || messages[0].Contains("zoneapi", StringComparison.Ordinal), messages[0]);
    }

    [Fact]
    public async Task Create_OwnZonesInsideAndAboveEachOther_Returns201()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");

        foreach (var name in new[] { "deep.sub." + root, "sub." + root, root, "www." + root, "x.www." + root })
        {
            await TwoCustomers.CreateZoneAsync(customers.A, name);
        }

        Assert.Equal(5L, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name = $1 OR name LIKE '%.' || $1", root));
    }

    [Fact]
    public async Task Create_OwnZoneAgain_Returns409ZoneExists()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");
        await TwoCustomers.CreateZoneAsync(customers.A, "www." + root);

        var response = await TwoCustomers.PostZoneAsync(customers.A, "WWW." + root + ".");

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_EXISTS");
        Assert.Contains("www." + root, error.Str("message"));
    }

    [Fact]
    public async Task Create_AfterTheOtherCustomerDeletedItsZone_Returns201()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var root = TestNames.Zone("own");
        var held = await TwoCustomers.CreateZoneAsync(customers.A, root);
        await (await TwoCustomers.PostZoneAsync(customers.B, "www." + root)).AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.Equal(HttpStatusCode.NoContent, (await customers.A.DeleteAsync($"/v1/zones/{held.Str("id")}")).StatusCode);

        var zone = await TwoCustomers.CreateZoneAsync(customers.B, "www." + root);

        Assert.Equal("www." + root, zone.Str("name"));
        await (await TwoCustomers.PostZoneAsync(customers.A, root)).AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
    }

    /// <summary>Zones at or below <paramref name="root"/> that belong to someone other than <paramref name="owner"/>'s customer.</summary>
    private async Task<long> ZonesOfOthersBelowAsync(string root, HttpClient owner)
    {
        var customerId = (await (await owner.GetAsync("/v1/zones?limit=1")).AssertSuccessAsync(HttpStatusCode.OK))
            .GetProperty("zones")[0].Str("customer_id");
        return await api.ScalarAsync<long>(
            "SELECT count(*) FROM zones WHERE (name = $1 OR name LIKE '%.' || $1) AND customer_id <> $2::uuid", root, customerId);
    }
}
