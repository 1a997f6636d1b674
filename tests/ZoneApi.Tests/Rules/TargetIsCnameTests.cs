using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// RFC 2181 §10.3 and RFC 2782: MX, NS and SRV targets must not be CNAMEs. Checked in both directions against
/// every zone of the writing customer, and only those: another customer's names are names on the internet.
/// </summary>
public sealed class TargetIsCnameTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string, TargetZone> PointerTypesAndPlaces => new()
    {
        { "MX", TargetZone.SameZone },
        { "MX", TargetZone.OtherZoneOfSameCustomer },
        { "NS", TargetZone.SameZone },
        { "NS", TargetZone.OtherZoneOfSameCustomer },
        { "SRV", TargetZone.SameZone },
        { "SRV", TargetZone.OtherZoneOfSameCustomer },
    };

    [Theory]
    [MemberData(nameof(PointerTypesAndPlaces))]
    public async Task Create_PointerWhoseTargetHoldsCname_Returns409NamingTheTargetAndChangesNothing(string type, TargetZone place)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var holder = await ZoneAtAsync(place, zone, client);
        await holder.AddAsync("alias", "CNAME", "real.example.net.");
        var target = holder.Fqdn("alias");
        var before = await zone.SnapshotAsync();

        var response = await PointerRecord.To(type, target).PostAsync(zone);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, target);
    }

    [Theory]
    [MemberData(nameof(PointerTypesAndPlaces))]
    public async Task Create_CnameAtNameAPointerTargets_Returns409NamingThePointerAndChangesNothing(string type, TargetZone place)
    {
        using var client = api.CreateAuthenticatedClient();
        var pointing = await TestZone.CreateAsync(client);
        var zone = await ZoneAtAsync(place, pointing, client);
        // An NS target inside its own zone needs an address, which a CNAME cannot share a name with; below the NS
        // record's own delegation it needs none (glue is optional there), so that is where this one points.
        var targetName = type == "NS" && place == TargetZone.SameZone ? "target.delegated" : "target";
        var pointer = PointerRecord.To(type, zone.Fqdn(targetName));
        await (await pointer.PostAsync(pointing)).AssertSuccessAsync(HttpStatusCode.Created);
        var before = await zone.SnapshotAsync();
        var pointingBefore = await pointing.SnapshotAsync();

        var response = await zone.PostAsync(targetName, "CNAME", "real.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesType(message, type);
        await pointing.AssertUnchangedAsync(pointingBefore);
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("NS")]
    [InlineData("SRV")]
    public async Task Create_PointerWhoseTargetHoldsAnotherCustomersCname_Returns201WithoutWarnings(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        using var otherCustomer = await OtherCustomerClientAsync();
        var zone = await TestZone.CreateAsync(client);
        var theirs = await TestZone.CreateAsync(otherCustomer);
        await theirs.AddAsync("alias", "CNAME", "internal-only.example.net.");

        var data = await (await PointerRecord.To(type, theirs.Fqdn("alias")).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);

        RuleMessages.AssertNoWarnings(data);
        Assert.Equal(theirs.Fqdn("alias"), data.GetProperty("record").Str("content").Split(' ')[^1]);
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("NS")]
    [InlineData("SRV")]
    public async Task Create_CnameAtNameAnotherCustomersPointerTargets_Returns201WithoutWarnings(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        using var otherCustomer = await OtherCustomerClientAsync();
        var zone = await TestZone.CreateAsync(client);
        var theirs = await TestZone.CreateAsync(otherCustomer);
        await (await PointerRecord.To(type, zone.Fqdn("target")).PostAsync(theirs)).AssertSuccessAsync(HttpStatusCode.Created);

        var data = await zone.AddAsync("target", "CNAME", "real.example.net.");

        RuleMessages.AssertNoWarnings(data);
        Assert.Equal(zone.Fqdn("target"), data.GetProperty("record").Str("name"));
    }

    [Fact]
    public async Task Create_MxWithUpperCaseRelativeLookingTargetThatHoldsCname_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("alias", "CNAME", "real.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "MX", zone.Fqdn("alias").ToUpperInvariant().TrimEnd('.'), 10);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("alias"));
    }

    [Fact]
    public async Task Create_MxInContentFormWhoseTargetHoldsCname_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("alias", "CNAME", "real.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "MX", "20 " + zone.Fqdn("alias"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
    }

    [Fact]
    public async Task Create_SecondMxValueWhoseTargetHoldsCname_Returns409AndKeepsTheRRsetsTtlAndComment()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("alias", "CNAME", "real.example.net.");
        await zone.AddAsync("@", "MX", "mail.example.net.", 10);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "MX", zone.Fqdn("alias"), 20, ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("alias"));
    }

    [Fact]
    public async Task Create_CnameAtServersOwnNameserverName_Returns409BecauseEveryZonesNsTargetsIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = "zoneapi.test" });
        var nameserverZone = TestZone.Open(client, (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone"));
        var before = await nameserverZone.SnapshotAsync();
        var zoneBefore = await zone.SnapshotAsync();

        var refused = await nameserverZone.PostAsync("ns1", "CNAME", "real.example.net.");

        var message = await nameserverZone.AssertRefusedAsync(refused, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesType(message, "NS");
        await zone.AssertUnchangedAsync(zoneBefore);
        // The operator's zone of its own name server names loads once they have addresses (named-checkzone -k fail).
        await nameserverZone.AddAsync("ns1", "A", "192.0.2.53");
        await nameserverZone.AddAsync("ns2", "A", "198.51.100.53");
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("NS")]
    [InlineData("SRV")]
    public async Task Create_PointerToNameWithAddress_Returns201(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "A", "192.0.2.1");
        await other.AddAsync("host", "AAAA", "2001:db8::1");

        var sameZone = await (await PointerRecord.To(type, zone.Fqdn("host")).PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);
        var otherZone = await (await PointerRecord.To(type, other.Fqdn("host"), owner: "two").PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);

        Assert.Equal(type, sameZone.GetProperty("record").Str("type"));
        Assert.Equal(type, otherZone.GetProperty("record").Str("type"));
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("NS")]
    [InlineData("SRV")]
    public async Task Create_PointerToNameOutsideHostedZones_Returns201(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await (await PointerRecord.To(type, "host.example.net.").PostAsync(zone)).AssertSuccessAsync(HttpStatusCode.Created);

        Assert.Equal(type, data.GetProperty("record").Str("type"));
    }

    [Fact]
    public async Task Create_CnameAtNameNothingTargets_Returns201EvenBesidePointersElsewhere()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "MX", zone.Fqdn("mail"), 10);

        var record = await zone.AddRecordAsync("webmail", "CNAME", "real.example.net.");

        Assert.Equal(zone.Fqdn("webmail"), record.Str("name"));
    }

    [Fact]
    public async Task Create_CnameAtFormerMxTargetAfterMxDeleted_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var mx = await zone.AddRecordAsync("@", "MX", zone.Fqdn("mail"), 10);
        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteAsync(mx.Str("id"))).StatusCode);

        var record = await zone.AddRecordAsync("mail", "CNAME", "real.example.net.");

        Assert.Equal(zone.Fqdn("mail"), record.Str("name"));
    }

    [Fact]
    public async Task UpdateById_MxTargetChangedToCnameName_Returns409AndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("alias", "CNAME", "real.example.net.");
        var mx = await zone.AddRecordAsync("@", "MX", "mail.example.net.", 10);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(mx.Str("id"), "@", "MX", zone.Fqdn("alias"), 10, ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("alias"));
    }

    [Fact]
    public async Task UpdateByName_SrvTargetChangedToCnameName_Returns409AndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("alias", "CNAME", "real.example.net.");
        await zone.AddAsync("_sip._tcp", "SRV", "10 5 5060 sip.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("_sip._tcp", "SRV", null, $"10 5 5060 {zone.Fqdn("alias")}", ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("alias"));
    }

    private async Task<HttpClient> OtherCustomerClientAsync() =>
        api.CreateClientWithKey(await api.CreateKeyAsync("other" + Guid.NewGuid().ToString("N")[..12]));

    private static async Task<TestZone> ZoneAtAsync(TargetZone place, TestZone zone, HttpClient client) => place switch
    {
        TargetZone.SameZone => zone,
        TargetZone.OtherZoneOfSameCustomer => await TestZone.CreateAsync(client),
        _ => throw new ArgumentOutOfRangeException(nameof(place)),
    };
}
