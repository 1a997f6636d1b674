using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Export;

/// <summary>The check every test app runs when it is disposed (<see cref="ServableZonesCheck"/>) does refuse what BIND refuses.</summary>
public sealed class ServableZonesCheckTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Refusals_ZoneThatBindWouldNotLoad_NameTheZoneAndBindsMessage()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var fine = await TestZone.CreateAsync(client);
        await fine.AddRecordAsync("www", "A", "192.0.2.1");
        // An apex NS whose in-zone target has no address: BIND does not load the zone. Written to the table directly,
        // past the API, which refuses such a record once the rule for it exists.
        await api.ScalarAsync<object>(
            "INSERT INTO records (zone_id, id, name, type, content, target, ttl, created_at, updated_at) "
            + "VALUES ($1, $2, $3, 'NS', $4, $4, 3600, now(), now())",
            Guid.Parse(zone.Id), new string('N', 43), zone.Apex, zone.Fqdn("nsx"));

        try
        {
            var refusals = await ServableZonesCheck.RefusalsAsync(api);

            var refusal = Assert.Single(refusals);
            Assert.StartsWith($"zone {zone.Name} ({zone.Id}) is refused by named-checkzone -k fail:", refusal, StringComparison.Ordinal);
            Assert.Contains($"NS 'nsx.{zone.Name}' has no address records", refusal, StringComparison.Ordinal);
        }
        finally
        {
            // Otherwise this class's own check, when its app is disposed, would fail the run on purpose-made data.
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/zones/{zone.Id}")).StatusCode);
        }
    }
}
