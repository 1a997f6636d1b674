using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>The operator's own customer ("default", the bootstrap key's) may create the reserved zones.</summary>
public sealed class OperatorReservedZoneTests(ReservedZonesFactory api) : IClassFixture<ReservedZonesFactory>
{
    [Fact]
    public async Task Create_ReservedZonesAsTheDefaultCustomer_Returns201AndOthersStayOut()
    {
        using var operatorClient = api.CreateAuthenticatedClient();
        using var customer = await TwoCustomers.CustomerAsync(api, "c");
        var names = new[]
        {
            "zoneapi.test", "ns1.zoneapi.test", "x.zoneapi.test",
            "reserved.example", ReservedZonesFactory.Reserved, "www." + ReservedZonesFactory.Reserved,
        };

        foreach (var name in names)
        {
            await TwoCustomers.CreateZoneAsync(operatorClient, name);
        }

        await (await TwoCustomers.PostZoneAsync(customer, "y.zoneapi.test")).AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.Equal((long)names.Length, await api.ScalarAsync<long>(
            "SELECT count(*) FROM zones z JOIN customers c ON c.id = z.customer_id WHERE c.name = 'default'"));
    }
}
