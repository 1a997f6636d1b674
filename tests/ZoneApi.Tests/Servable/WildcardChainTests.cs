using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Servable;

/// <summary>
/// Alias loops and chains that go through wildcard CNAMEs (RFC 4592): a name without a node of its own is answered by
/// the wildcard at its closest encloser, so the chain walker follows wildcards too.
/// </summary>
public sealed class WildcardChainTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_WildcardCnameToANameItAnswersItself_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("*.lw", "CNAME", zone.Fqdn("a.lw"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("*.lw"));
    }

    [Fact]
    public async Task Create_SecondOfTwoWildcardsAnsweringEachOthersTargets_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.w1", "CNAME", other.Fqdn("x.w2"));
        var before = await other.SnapshotAsync();

        var response = await other.PostAsync("*.w2", "CNAME", zone.Fqdn("y.w1"));

        await other.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_NinthHopThroughWildcardCnames_Returns409ChainTooLong(bool fromTheEnd)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        // *.c1 → x.c2, answered by *.c2 → x.c3 … *.c9 → end.example.net.: nine hops from x.c1.
        var links = Enumerable.Range(1, 9)
            .Select(i => (Name: $"*.c{i}", Target: i == 9 ? "end.example.net." : zone.Fqdn($"x.c{i + 1}"))).ToList();
        if (fromTheEnd)
        {
            links.Reverse();
        }

        foreach (var (name, target) in links[..^1])
        {
            await zone.AddAsync(name, "CNAME", target);
        }

        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(links[^1].Name, "CNAME", links[^1].Target);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG", before);
        RuleMessages.AssertNamesChainLimit(message);
    }

    [Fact]
    public async Task Delete_RecordWhoseNameKeepsAWildcardCnameFromAnsweringItsOwnTarget_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var text = await zone.AddRecordAsync("a.lw", "TXT", "keeps a.lw a name of its own");
        await zone.AddAsync("*.lw", "CNAME", zone.Fqdn("a.lw"));
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteAsync(text.Str("id"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
        RuleMessages.AssertNamesHost(message, zone.Fqdn("*.lw"));
    }

    [Fact]
    public async Task Create_WildcardCnameToANameWithItsOwnNode_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("a.lw", "A", "192.0.2.1");

        var data = await zone.AddAsync("*.lw", "CNAME", zone.Fqdn("a.lw"));

        RuleMessages.AssertNoWarnings(data);
    }
}
