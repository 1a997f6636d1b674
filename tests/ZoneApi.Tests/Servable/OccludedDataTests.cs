using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Servable;

/// <summary>
/// Occluded data (RFC 1034 §4.2.1): at and below a delegation (an NS RRset below the apex), or below another zone of
/// the same customer, a server answers with a referral or from the child zone, never from this zone's records. Only
/// the delegation's NS records and the addresses of their targets (glue) may be there; anything else is refused,
/// whichever arrives first.
/// </summary>
public sealed class OccludedDataTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("www.sub", "A", "192.0.2.1")]
    [InlineData("sub", "TXT", "at the delegation point")]
    [InlineData("*.sub", "CNAME", "real.example.net.")]
    [InlineData("deep.www.sub", "MX", "mail.example.net.")]
    [InlineData("other.sub", "A", "192.0.2.9")] // an address, but not of an NS target: not glue
    public async Task Create_RecordAtOrBelowADelegation_Returns409NamingTheDelegation(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("sub", "NS", "ns.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(name, type, content, type == "MX" ? 10 : null);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "OCCLUDED_RECORD", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("sub"));
    }

    [Fact]
    public async Task Create_GlueForTheDelegationsTargets_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("ns1.sub", "A", "192.0.2.1");
        await zone.AddAsync("sub", "NS", zone.Fqdn("ns1.sub"));
        await zone.AddAsync("sub", "NS", zone.Fqdn("sub"));

        await zone.AddAsync("ns1.sub", "AAAA", "2001:db8::1");
        var data = await zone.AddAsync("sub", "A", "192.0.2.2"); // the delegation point is an NS target itself

        Assert.Equal(zone.Fqdn("sub"), data.GetProperty("record").Str("name"));
    }

    [Fact]
    public async Task Create_DelegationOverRecordsThatAreNotGlue_Returns409NamingTheHiddenRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("ns1.sub", "A", "192.0.2.1");
        await zone.AddAsync("www.sub", "A", "192.0.2.2");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("sub", "NS", zone.Fqdn("ns1.sub"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "OCCLUDED_RECORD", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("www.sub"));
    }

    [Fact]
    public async Task Create_NsBelowAnotherDelegation_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("sub", "NS", "ns.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("deeper.sub", "NS", "ns.example.org.");

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "OCCLUDED_RECORD", before);
    }

    [Fact]
    public async Task Delete_NsWhoseTargetsGlueWouldStayBehindTheDelegation_Returns409ButTheWholeDelegationGoes()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("ns1.sub", "A", "192.0.2.1");
        var inZone = await zone.AddRecordAsync("sub", "NS", zone.Fqdn("ns1.sub"));
        await zone.AddAsync("sub", "NS", "ns.example.net.");
        var before = await zone.SnapshotAsync();

        var one = await zone.DeleteAsync(inZone.Str("id"));
        await zone.AssertRefusedAsync(one, HttpStatusCode.Conflict, "OCCLUDED_RECORD", before);
        var all = await zone.DeleteByNameAsync("sub", "NS");

        Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Contains(await zone.RecordsAsync(), r => r.Str("name") == zone.Fqdn("ns1.sub"));
    }

    [Fact]
    public async Task Create_RecordInTheParentBelowTheCustomersChildZone_Returns409NamingTheChildZone()
    {
        using var client = api.CreateAuthenticatedClient();
        var parent = await TestZone.CreateAsync(client);
        var child = await ServableZones.CreateChildAsync(client, parent, "dev");
        var before = await parent.SnapshotAsync();

        var response = await parent.PostAsync("www.dev", "A", "192.0.2.1");

        var message = await parent.AssertRefusedAsync(response, HttpStatusCode.Conflict, "OCCLUDED_RECORD", before);
        RuleMessages.AssertNamesHost(message, child.Apex);
    }

    [Fact]
    public async Task Create_DelegationToTheChildZoneWithGlueInTheParent_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var parent = await TestZone.CreateAsync(client);
        await ServableZones.CreateChildAsync(client, parent, "dev");

        await parent.AddAsync("dev", "NS", parent.Fqdn("ns1.dev"));
        var glue = await parent.AddRecordAsync("ns1.dev", "A", "192.0.2.1");

        Assert.Equal(parent.Fqdn("ns1.dev"), glue.Str("name"));
    }

    [Fact]
    public async Task CreateZone_BelowRecordsOfTheCustomersParentZone_Returns409AndCreatesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var parent = await TestZone.CreateAsync(client);
        await parent.AddAsync("www.dev", "A", "192.0.2.1");

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = "dev." + parent.Name });

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "OCCLUDED_RECORD");
        RuleMessages.AssertNamesHost(error.Str("message"), parent.Fqdn("www.dev"));
        var zones = await (await client.GetAsync("/v1/zones?limit=1000")).AssertSuccessAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(zones.GetProperty("zones").EnumerateArray(), z => z.Str("name") == "dev." + parent.Name);
    }

    [Fact]
    public async Task CreateZone_BelowOnlyADelegationAndItsGlue_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var parent = await TestZone.CreateAsync(client);
        await parent.AddAsync("ns1.dev", "A", "192.0.2.1");
        await parent.AddAsync("dev", "NS", parent.Fqdn("ns1.dev"));

        var child = await ServableZones.CreateChildAsync(client, parent, "dev");

        Assert.Equal("dev." + parent.Name, child.Name);
    }

    /// <summary>A delegation and a record below it each pass alone; racing, exactly one may win.</summary>
    [Fact]
    public async Task Race_DelegationAgainstRecordBelowIt_ExactlyOneWins()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 15).SelectMany(k => new[]
        {
            new RacingWrite(zone, $"sub{k}", "NS", "ns.example.net.").SendAsync(),
            new RacingWrite(zone, $"www.sub{k}", "A", "192.0.2.1").SendAsync(),
        }));

        foreach (var pair in outcomes.Chunk(2))
        {
            Assert.True(
                pair.Count(o => o.Won) == 1 && pair.Count(o => o.Code == "OCCLUDED_RECORD") == 1,
                $"expected one 201 and one 409 OCCLUDED_RECORD:\n{string.Join('\n', pair.AsEnumerable())}");
        }
    }

    /// <summary>A child zone and a record of its parent below it each pass alone; racing, exactly one may win.</summary>
    [Fact]
    public async Task Race_ChildZoneAgainstParentRecordBelowIt_ExactlyOneWins()
    {
        using var client = api.CreateAuthenticatedClient();
        var parent = await TestZone.CreateAsync(client);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async k =>
        {
            var zoneTask = client.PostAsJsonAsync("/v1/zones", new { name = $"c{k}.{parent.Name}" });
            var recordTask = new RacingWrite(parent, $"www.c{k}", "A", "192.0.2.1").SendAsync();
            using var zoneResponse = await zoneTask;
            return (Zone: zoneResponse.StatusCode, Record: await recordTask);
        }));

        Assert.All(outcomes, o => Assert.True(
            (o.Zone == HttpStatusCode.Created) != o.Record.Won,
            $"expected exactly one of zone {(int)o.Zone} and record {o.Record} to pass"));
    }
}
