using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>
/// The zone of the server's own name servers and SOA contact (zoneapi.test), and ZoneApi:ReservedZones, are
/// the operator's (CONTRACT A5). The operator's own creates are in <see cref="OperatorReservedZoneTests"/>,
/// which has a database of its own: here nobody holds the reserved zones, so only the reservation refuses.
/// </summary>
public sealed class ReservedZoneTests(ReservedZonesFactory api) : IClassFixture<ReservedZonesFactory>
{
    [Theory]
    [InlineData("zoneapi.test")]
    [InlineData("ZoneApi.Test.")]
    [InlineData("ns1.zoneapi.test")]
    [InlineData("ns2.zoneapi.test")]
    [InlineData("x.zoneapi.test")]
    [InlineData("a.b.zoneapi.test")]
    [InlineData(ReservedZonesFactory.Reserved)]
    [InlineData("www." + ReservedZonesFactory.Reserved)]
    [InlineData("reserved.example")]
    public async Task Create_ReservedZoneOrBelowOrAboveIt_Returns409ZoneUnavailable(string name)
    {
        using var customer = await TwoCustomers.CustomerAsync(api, "c");

        var response = await TwoCustomers.PostZoneAsync(customer, name);

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.DoesNotContain("reserved", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name LIKE '%zoneapi.test' OR name LIKE '%reserved.example'"));
    }

    [Theory]
    [InlineData("zoneapi-test.example")]
    [InlineData("other.reserved-not.example")]
    [InlineData("zoneapi.example")]
    public async Task Create_NameThatOnlyLooksLikeAReservedOne_Returns201(string name)
    {
        using var customer = await TwoCustomers.CustomerAsync(api, "c");

        var zone = await TwoCustomers.CreateZoneAsync(customer, name);

        Assert.Equal(name, zone.Str("name"));
    }
}
