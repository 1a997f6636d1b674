using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>A CNAME or ALIAS may not close a loop through the customer's names: resolvers would chase it forever.</summary>
public sealed class CnameLoopTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_CnameToItself_Returns409CnameLoopAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("a", "CNAME", zone.Fqdn("a"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }

    [Fact]
    public async Task Create_AliasToItself_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "ALIAS", zone.Apex);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Apex);
    }

    [Fact]
    public async Task Create_CnameBackToItsTarget_Returns409CnameLoopAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("b", "CNAME", zone.Fqdn("a"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }

    [Fact]
    public async Task Create_CnameBackToItsTargetSpelledUpperCaseWithoutDot_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("B", "CNAME", zone.Fqdn("a").ToUpperInvariant().TrimEnd('.'));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
    }

    [Fact]
    public async Task Create_CnameClosingThreeNameLoop_Returns409CnameLoopAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        await zone.AddAsync("b", "CNAME", zone.Fqdn("c"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("c", "CNAME", zone.Fqdn("a"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }

    [Fact]
    public async Task Create_CnameClosingLoopAcrossTwoZones_Returns409CnameLoopAndChangesNeitherZone()
    {
        using var client = api.CreateAuthenticatedClient();
        var first = await TestZone.CreateAsync(client);
        var second = await TestZone.CreateAsync(client);
        await first.AddAsync("a", "CNAME", second.Fqdn("b"));
        var firstBefore = await first.SnapshotAsync();
        var secondBefore = await second.SnapshotAsync();

        var response = await second.PostAsync("b", "CNAME", first.Fqdn("a"));

        var message = await second.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", secondBefore);
        RuleMessages.AssertNamesHost(message, first.Fqdn("a"));
        await first.AssertUnchangedAsync(firstBefore);
    }

    [Fact]
    public async Task Create_CnameClosingLoopThroughAlias_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "ALIAS", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("b", "CNAME", zone.Fqdn("a"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }

    [Fact]
    public async Task Create_AliasClosingLoopThroughCname_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("www", "CNAME", zone.Apex);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "ALIAS", zone.Fqdn("www"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("www"));
    }

    [Fact]
    public async Task Create_CnameToApexWhoseAliasPointsBack_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "ALIAS", zone.Fqdn("www"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("www", "CNAME", zone.Apex);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Apex);
    }

    [Fact]
    public async Task Create_ChainWithoutLoop_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        await zone.AddAsync("b", "CNAME", zone.Fqdn("c"));

        var record = await zone.AddRecordAsync("c", "CNAME", "real.example.net.");

        Assert.Equal(zone.Fqdn("c"), record.Str("name"));
    }

    [Fact]
    public async Task Create_CnameBackToANameWhoseCnameWasReplaced_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        await zone.AddAsync("a", "CNAME", "real.example.net.");

        var record = await zone.AddRecordAsync("b", "CNAME", zone.Fqdn("a"));

        Assert.Equal(zone.Fqdn("a"), record.Str("content"));
    }

    [Fact]
    public async Task Create_CnameBackToANameWhoseCnameWasDeleted_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var a = await zone.AddRecordAsync("a", "CNAME", zone.Fqdn("b"));
        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteAsync(a.Str("id"))).StatusCode);

        var record = await zone.AddRecordAsync("b", "CNAME", zone.Fqdn("a"));

        Assert.Equal(zone.Fqdn("a"), record.Str("content"));
    }

    [Fact]
    public async Task UpdateById_CnameRedirectedIntoLoop_Returns409CnameLoopAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var b = await zone.AddRecordAsync("b", "CNAME", "real.example.net.");
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(b.Str("id"), "b", "CNAME", zone.Fqdn("a"), ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }

    [Fact]
    public async Task UpdateByName_CnameRedirectedIntoLoop_Returns409CnameLoopAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("b", "CNAME", "real.example.net.");
        await zone.AddAsync("a", "CNAME", zone.Fqdn("b"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync(zone.Fqdn("b"), "CNAME", null, zone.Fqdn("a"), ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("a"));
    }
}
