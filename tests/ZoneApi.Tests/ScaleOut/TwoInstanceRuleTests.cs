using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>
/// Issue 8 point 4: racing writes spread across two API instances break no rule. Each contest sends its writes
/// through both instances at once; the answers must be a 201 or the rule's 409, the winners must be able to stand
/// together, and the tables, read with SQL afterwards, must hold nothing any rule forbids.
/// </summary>
public sealed class TwoInstanceRuleTests(TwoApiInstances api) : IClassFixture<TwoApiInstances>
{
    [Fact]
    public async Task Create_CnameAndOtherDataAtOneNameThroughBothInstances_OneSideWinsEachName()
    {
        var (one, two) = await ZoneOnBothAsync();

        var writes = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            new RacingWrite(i % 2 == 0 ? one : two, $"n{i}", "CNAME", $"t{i}.example.net."),
            new RacingWrite(i % 2 == 0 ? two : one, $"n{i}", "A", "192.0.2.1"),
            new RacingWrite(i % 2 == 0 ? two : one, $"n{i}", "TXT", $"text {i}"),
            new RacingWrite(i % 2 == 0 ? one : two, $"n{i}", "ALIAS", $"a{i}.example.net."),
        }).ToList();

        var outcomes = await Task.WhenAll(writes.Select(w => w.SendAsync()));

        AssertOnlyWinsOrConflicts(outcomes, "CNAME_CONFLICT", "ALIAS_CONFLICT");
        foreach (var atName in outcomes.GroupBy(o => o.Write.Fqdn))
        {
            var won = atName.Where(o => o.Won).Select(o => o.Write.Type).ToList();
            Assert.True(won.Count > 0, $"nothing passed at {atName.Key}, though the first write to commit must");
            Assert.False(won.Contains("CNAME") && won.Count > 1, $"at {atName.Key} {string.Join(", ", won)} all passed");
            Assert.False(won.Contains("ALIAS") && won.Contains("A"), $"at {atName.Key} ALIAS and A both passed");
        }

        await AssertTablesBreakNoRuleAsync();
    }

    [Fact]
    public async Task Create_CnamesClosingLoopFromBothInstances_ExactlyOneOfEachPairWins()
    {
        var (one, two) = await ZoneOnBothAsync();
        var (other, _) = await ZoneOnBothAsync();
        var otherOnTwo = other.WithClient(api.ClientOf(1, ZoneApiFactory.BootstrapKey));

        // a → b through instance 1 and b → a through instance 2; every other pair crosses two zones.
        var pairs = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? new[] { new RacingWrite(one, $"a{i}", "CNAME", two.Fqdn($"b{i}")), new RacingWrite(two, $"b{i}", "CNAME", one.Fqdn($"a{i}")) }
            : [new RacingWrite(one, $"a{i}", "CNAME", otherOnTwo.Fqdn($"b{i}")), new RacingWrite(otherOnTwo, $"b{i}", "ALIAS", one.Fqdn($"a{i}"))])
            .ToList();

        var outcomes = await Task.WhenAll(pairs.SelectMany(p => p).Select(w => w.SendAsync()));

        foreach (var pair in outcomes.Chunk(2))
        {
            Assert.True(
                pair.Count(o => o.Won) == 1 && pair.Count(o => o.Status == HttpStatusCode.Conflict && o.Code == "CNAME_LOOP") == 1,
                $"expected one 201 and one 409 CNAME_LOOP:\n{string.Join('\n', pair.AsEnumerable())}");
        }

        await AssertTablesBreakNoRuleAsync();
    }

    [Fact]
    public async Task Create_MxAndSrvTargetsRacingCnamesThroughBothInstances_NeverBothStand()
    {
        var (one, two) = await ZoneOnBothAsync();

        var writes = Enumerable.Range(0, 15).SelectMany(i => new[]
        {
            new RacingWrite(i % 2 == 0 ? one : two, $"m{i}", "CNAME", "c.example.net."),
            new RacingWrite(i % 2 == 0 ? two : one, $"mx{i}", "MX", one.Fqdn($"m{i}"), 10),
            new RacingWrite(i % 2 == 0 ? two : one, $"_sip._tcp.s{i}", "SRV", $"10 5 5060 {one.Fqdn($"m{i}")}"),
        }).ToList();

        var outcomes = await Task.WhenAll(writes.Select(w => w.SendAsync()));

        AssertOnlyWinsOrConflicts(outcomes, "TARGET_IS_CNAME");
        foreach (var contest in outcomes.Chunk(3))
        {
            var won = contest.Where(o => o.Won).Select(o => o.Write.Type).ToList();
            Assert.True(won.Count > 0, $"nothing passed in:\n{string.Join('\n', contest.AsEnumerable())}");
            Assert.False(won.Contains("CNAME") && won.Count > 1, $"a CNAME and what targets it both passed:\n{string.Join('\n', contest.AsEnumerable())}");
        }

        await AssertTablesBreakNoRuleAsync();
    }

    [Fact]
    public async Task CreateZone_SameNameAndNestedNamesFromTwoCustomersThroughBothInstances_OneHolderPerTree()
    {
        var keyA = await api.CreateKeyAsync("a" + Guid.NewGuid().ToString("N")[..12]);
        var keyB = await api.CreateKeyAsync("b" + Guid.NewGuid().ToString("N")[..12]);
        var names = Enumerable.Range(0, 10).Select(_ => TestNames.Zone("t")).ToList();
        // Per name: the name itself from both customers on both instances, and a child of it from each customer.
        var attempts = names.SelectMany(name => new[]
        {
            (Tree: name, Instance: 0, Key: keyA, Zone: name),
            (Tree: name, Instance: 1, Key: keyB, Zone: name),
            (Tree: name, Instance: 1, Key: keyA, Zone: name),
            (Tree: name, Instance: 0, Key: keyB, Zone: "www." + name),
            (Tree: name, Instance: 1, Key: keyA, Zone: "api." + name),
        }).ToList();

        var answers = await Task.WhenAll(attempts.Select(async a =>
        {
            using var client = api.ClientOf(a.Instance, a.Key);
            using var response = await client.PostAsJsonAsync("/v1/zones", new { name = a.Zone });
            var json = await response.JsonAsync();
            var code = json.GetProperty("status").GetString() == "error" ? json.GetProperty("error").Str("code") : null;
            return (Attempt: a, response.StatusCode, Code: code);
        }));

        var unexpected = answers.Where(a => a.StatusCode != HttpStatusCode.Created
            && !(a.StatusCode == HttpStatusCode.Conflict && a.Code is "ZONE_EXISTS" or "ZONE_UNAVAILABLE")).ToList();
        Assert.True(unexpected.Count == 0, $"answers other than 201 or 409 ZONE_EXISTS/ZONE_UNAVAILABLE: {string.Join(", ", unexpected)}");
        foreach (var tree in answers.GroupBy(a => a.Attempt.Tree))
        {
            var created = tree.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Attempt).ToList();
            Assert.True(created.Count > 0, $"{tree.Key}: nothing was created, though the first to commit must be");
            Assert.True(created.Count(a => a.Zone == tree.Key) <= 1, $"{tree.Key} was created more than once");
            // Siblings (www. of one customer, api. of the other) may both stand; the parent then belongs to nobody.
            var holders = created.Where(a => a.Zone == tree.Key).Select(a => a.Key).ToList();
            Assert.True(holders.Count == 0 || created.All(a => a.Key == holders[0]), $"{tree.Key}: another customer got a zone inside it");
        }

        await AssertTablesBreakNoRuleAsync();
    }

    /// <summary>One zone of the default customer, addressed through instance 1 and through instance 2.</summary>
    private async Task<(TestZone One, TestZone Two)> ZoneOnBothAsync()
    {
        var one = await TestZone.CreateAsync(api.ClientOf(0, ZoneApiFactory.BootstrapKey));
        return (one, one.WithClient(api.ClientOf(1, ZoneApiFactory.BootstrapKey)));
    }

    private static void AssertOnlyWinsOrConflicts(RaceOutcome[] outcomes, params string[] codes)
    {
        var unexpected = outcomes.Where(o => !(o.Won || (o.Status == HttpStatusCode.Conflict && codes.Contains(o.Code)))).ToList();
        Assert.True(unexpected.Count == 0, $"answers other than 201 or a rule's 409:\n{string.Join('\n', unexpected)}");
    }

    private async Task AssertTablesBreakNoRuleAsync()
    {
        var violations = await StoredRuleViolations.FindAsync(api.ConnectionString);
        Assert.True(violations.Count == 0, $"the tables break the rules:\n{string.Join('\n', violations)}");
    }
}
