using System.Net.Http.Json;
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
            "zoneapi.test", "x.zoneapi.test",
            "reserved.example", ReservedZonesFactory.Reserved, "www." + ReservedZonesFactory.Reserved,
        };

        foreach (var name in names)
        {
            await TwoCustomers.CreateZoneAsync(operatorClient, name);
        }

        // The zone that holds the server's own name server names loads only once they have addresses (BIND refuses
        // in-zone NS targets without A/AAAA): the operator adds them right after creating it.
        var nameserverZone = await api.ScalarAsync<Guid>("SELECT id FROM zones WHERE name = 'zoneapi.test'");
        foreach (var (host, address) in new[] { ("ns1", "192.0.2.53"), ("ns2", "198.51.100.53") })
        {
            var added = await operatorClient.PostAsJsonAsync($"/v1/zones/{nameserverZone}/records", new { name = host, type = "A", content = address });
            await added.AssertSuccessAsync(HttpStatusCode.Created);
        }

        await (await TwoCustomers.PostZoneAsync(customer, "y.zoneapi.test")).AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_UNAVAILABLE");
        Assert.Equal((long)names.Length, await api.ScalarAsync<long>(
            "SELECT count(*) FROM zones z JOIN customers c ON c.id = z.customer_id WHERE c.name = 'default'"));
    }
}
