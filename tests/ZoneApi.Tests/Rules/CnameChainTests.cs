using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// A chain of CNAME/ALIAS hops through the customer's names may be at most 8 hops long (resolvers give up around there).
/// A hop is one CNAME or ALIAS record followed: <c>c1 → c2 → … → c9</c> is 8 hops.
/// </summary>
public sealed class CnameChainTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_AppendingNinthHop_Returns409ChainTooLongAfterEightHopsWereAccepted()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        for (var i = 1; i <= 8; i++)
        {
            var data = await zone.AddAsync($"c{i}", "CNAME", zone.Fqdn($"c{i + 1}"));
            Assert.Equal(zone.Fqdn($"c{i}"), data.GetProperty("record").Str("name"));
        }

        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("c9", "CNAME", zone.Fqdn("c10"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
        RuleMessages.AssertNamesChainLimit(message);
    }

    [Fact]
    public async Task Create_PrependingToChain_AcceptsEighthHopWithCnameChainWarningAndRefusesNinth()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("c9", "A", "192.0.2.1");
        await zone.AddAsync("c8", "CNAME", zone.Fqdn("c9"));
        JsonElement eighthHop = default;
        for (var i = 7; i >= 1; i--)
        {
            eighthHop = await zone.AddAsync($"c{i}", "CNAME", zone.Fqdn($"c{i + 1}"));
        }

        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("c0", "CNAME", zone.Fqdn("c1"));

        Assert.Equal(["CNAME_CHAIN"], RuleMessages.WarningCodes(eighthHop));
        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
        RuleMessages.AssertNamesChainLimit(message);
    }

    [Fact]
    public async Task Create_JoiningTwoChainsIntoNineHops_Returns409AndChangesNeitherZone()
    {
        using var client = api.CreateAuthenticatedClient();
        var head = await TestZone.CreateAsync(client);
        var tail = await TestZone.CreateAsync(client);
        await AddChainAsync(head, "x", hops: 4);
        await AddChainAsync(tail, "y", hops: 4);
        var headBefore = await head.SnapshotAsync();
        var tailBefore = await tail.SnapshotAsync();

        var response = await head.PostAsync("x5", "CNAME", tail.Fqdn("y1"));

        var message = await head.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", headBefore);
        RuleMessages.AssertNamesChainLimit(message);
        await tail.AssertUnchangedAsync(tailBefore);
    }

    [Fact]
    public async Task Create_JoiningTwoChainsIntoEightHops_Returns201WithCnameChainWarning()
    {
        using var client = api.CreateAuthenticatedClient();
        var head = await TestZone.CreateAsync(client);
        var tail = await TestZone.CreateAsync(client);
        await AddChainAsync(head, "x", hops: 4);
        await AddChainAsync(tail, "y", hops: 3);
        await tail.AddAsync("y4", "A", "192.0.2.1");

        var data = await head.AddAsync("x5", "CNAME", tail.Fqdn("y1"));

        Assert.Equal(["CNAME_CHAIN"], RuleMessages.WarningCodes(data));
        Assert.Equal(tail.Fqdn("y1"), data.GetProperty("record").Str("content"));
    }

    [Fact]
    public async Task Create_JoiningTwoChainsInOneZoneIntoNineHops_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AddChainAsync(zone, "x", hops: 3);
        await AddChainAsync(zone, "y", hops: 5);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("x4", "CNAME", zone.Fqdn("y1"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
    }

    [Fact]
    public async Task Create_AliasAppendingNinthHop_Returns409ChainTooLong()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AddChainAsync(zone, "c", hops: 8);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("c9", "ALIAS", zone.Fqdn("c10"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
    }

    [Fact]
    public async Task Create_CnamePrependedToChainContainingAlias_Returns409WhenItMakesNineHops()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AddChainAsync(zone, "c", hops: 7);
        await zone.AddAsync("c8", "ALIAS", zone.Fqdn("c9"));
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("c0", "CNAME", zone.Fqdn("c1"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
    }

    [Fact]
    public async Task Create_PrependingAfterChainWasShortenedByReplacement_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AddChainAsync(zone, "c", hops: 8);
        await zone.AddAsync("c4", "CNAME", "real.example.net.");

        var data = await zone.AddAsync("c0", "CNAME", zone.Fqdn("c1"));

        Assert.Equal(["CNAME_CHAIN"], RuleMessages.WarningCodes(data));
    }

    [Fact]
    public async Task UpdateById_RedirectingChainEndToAnotherChain_Returns409WhenItMakesNineHops()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AddChainAsync(zone, "x", hops: 4);
        var end = await zone.AddRecordAsync("x5", "CNAME", "real.example.net.");
        await AddChainAsync(zone, "y", hops: 4);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(end.Str("id"), "x5", "CNAME", zone.Fqdn("y1"), ttl: 600, comment: "refused");

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
    }

    /// <summary><c>p1 → p2 → … → p(hops+1)</c>, built from the end so every hop exists before one points at it.</summary>
    private static async Task AddChainAsync(TestZone zone, string prefix, int hops)
    {
        for (var i = hops; i >= 1; i--)
        {
            await zone.AddAsync($"{prefix}{i}", "CNAME", zone.Fqdn($"{prefix}{i + 1}"));
        }
    }
}
