using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// The issue's acceptance: racing writes can never both pass a rule (zone row lock, the customer's lock for
/// alias-graph writes, database constraints), and every answer is a 201 or a 409 envelope, never a 500.
/// </summary>
public sealed class ConcurrentRuleTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const int Rounds = 3;

    private static readonly string[] AllowedRaceCodes = ["CNAME_CONFLICT", "ALIAS_CONFLICT", "TARGET_IS_CNAME"];

    [Fact]
    public async Task Create_HundredRacingWritesAtSharedNamesAndTargets_Answer201Or409AndBreakNoRule()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        for (var round = 0; round < Rounds; round++)
        {
            var contests = ContestsOfRound(zone, other, $"r{round}");
            var random = new Random(round);
            var writes = contests.SelectMany(c => c).OrderBy(_ => random.Next()).ToList();
            Assert.Equal(100, writes.Count);

            var outcomes = await Task.WhenAll(writes.Select(w => w.SendAsync()));

            var unexpected = outcomes.Where(o => !(o.Won || (o.Status == HttpStatusCode.Conflict && AllowedRaceCodes.Contains(o.Code)))).ToList();
            Assert.True(unexpected.Count == 0, $"round {round}: answers other than 201 or a rule's 409:\n{string.Join('\n', unexpected)}");
            var broken = WinnersThatCannotAllStand(outcomes);
            Assert.True(broken.Count == 0, $"round {round}: writes that both passed:\n{string.Join('\n', broken)}");
            var stored = (await zone.RecordsAsync()).Concat(await other.RecordsAsync()).ToList();
            var violations = DnsRuleViolations.Find(stored);
            Assert.True(violations.Count == 0, $"round {round}: the zones break the rules:\n{string.Join('\n', violations)}");
            var storedIds = stored.Select(r => r.Str("id")).ToHashSet();
            var lost = outcomes.Where(o => o.Won && o.Write.Type is not ("CNAME" or "ALIAS") && !storedIds.Contains(o.RecordId!)).ToList();
            Assert.True(lost.Count == 0, $"round {round}: created (201) but not stored:\n{string.Join('\n', lost)}");
            foreach (var contest in contests)
            {
                Assert.True(
                    outcomes.Any(o => o.Won && contest.Contains(o.Write)),
                    $"round {round}: no write of the contest at {contest[0].Fqdn} passed, though the first to commit must");
                Assert.True(
                    outcomes.Any(o => !o.Won && contest.Contains(o.Write)),
                    $"round {round}: every write of the contest at {contest[0].Fqdn} passed, though CNAME and the others exclude each other");
            }
        }
    }

    [Fact]
    public async Task Create_TwoCnamesRacingToCloseLoop_ExactlyOneWins()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        for (var round = 0; round < Rounds; round++)
        {
            var pairs = Enumerable.Range(0, 20).Select(i =>
            {
                var (first, second) = i % 2 == 0 ? (zone, zone) : (zone, other);
                var a = $"r{round}a{i}";
                var b = $"r{round}b{i}";
                return new[]
                {
                    new RacingWrite(first, a, "CNAME", second.Fqdn(b)),
                    new RacingWrite(second, b, i % 4 == 1 ? "ALIAS" : "CNAME", first.Fqdn(a)),
                };
            }).ToList();

            var outcomes = await Task.WhenAll(pairs.SelectMany(p => p).Select(w => w.SendAsync()));

            foreach (var pair in outcomes.Chunk(2))
            {
                Assert.True(
                    pair.Count(o => o.Won) == 1 && pair.Count(o => o.Status == HttpStatusCode.Conflict && o.Code == "CNAME_LOOP") == 1,
                    $"round {round}: expected one 201 and one 409 CNAME_LOOP:\n{string.Join('\n', pair.AsEnumerable())}");
            }

            var stored = (await zone.RecordsAsync()).Concat(await other.RecordsAsync()).ToList();
            Assert.Equal([], DnsRuleViolations.Find(stored));
            foreach (var pair in outcomes.Chunk(2))
            {
                var present = pair.Where(o => stored.Any(r => r.Str("name") == o.Write.Fqdn && r.Str("type") == o.Write.Type)).ToList();
                Assert.Equal(pair.Where(o => o.Won).Select(o => o.Write), present.Select(o => o.Write));
            }
        }
    }

    [Fact]
    public async Task Create_ThreeCnamesRacingToCloseLoop_ExactlyTwoWin()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        for (var round = 0; round < Rounds; round++)
        {
            var triples = Enumerable.Range(0, 10).Select(i =>
            {
                var names = new[] { $"r{round}a{i}", $"r{round}b{i}", $"r{round}c{i}" };
                return names.Select((n, j) => new RacingWrite(zone, n, "CNAME", zone.Fqdn(names[(j + 1) % 3]))).ToArray();
            }).ToList();

            var outcomes = await Task.WhenAll(triples.SelectMany(t => t).Select(w => w.SendAsync()));

            foreach (var triple in outcomes.Chunk(3))
            {
                Assert.True(
                    triple.Count(o => o.Won) == 2 && triple.Count(o => o.Status == HttpStatusCode.Conflict && o.Code == "CNAME_LOOP") == 1,
                    $"round {round}: expected two 201 and one 409 CNAME_LOOP:\n{string.Join('\n', triple.AsEnumerable())}");
            }

            Assert.Equal([], DnsRuleViolations.Find(await zone.RecordsAsync()));
        }
    }

    [Fact]
    public async Task Update_RetargetingMxAndSrvRacingCnamesAtTheNewTargets_Answer2xxOr409AndBreakNoRule()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        for (var round = 0; round < Rounds; round++)
        {
            var requests = new List<(string Target, string Type, Func<Task<HttpResponseMessage>> Send)>();
            for (var k = 0; k < 25; k++)
            {
                var targetName = $"r{round}m{k}";
                var target = zone.Fqdn(targetName);
                var mxName = $"r{round}mx{k}";
                var srvName = $"_sip._tcp.r{round}s{k}";
                var mx = await zone.AddRecordAsync(mxName, "MX", "mail.example.net.", 10);
                await other.AddAsync(srvName, "SRV", "10 5 5060 sip.example.net.");
                requests.Add((target, "MX", () => zone.PutAsync(mx.Str("id"), mxName, "MX", target, 10)));
                requests.Add((target, "SRV", () => other.PutByNameAsync(srvName, "SRV", null, $"10 5 5060 {target}")));
                requests.Add((target, "CNAME", () => zone.PostAsync(targetName, "CNAME", "c0.example.net.")));
                requests.Add((target, "CNAME", () => zone.PostAsync(targetName, "CNAME", "c1.example.net.")));
            }

            var random = new Random(round);
            var shuffled = requests.OrderBy(_ => random.Next()).ToList();

            var answers = await Task.WhenAll(shuffled.Select(async r =>
            {
                using var response = await r.Send();
                var body = await response.Content.ReadAsStringAsync();
                return (Request: r, response.StatusCode, Body: body);
            }));

            var expectedWin = (string type) => type == "CNAME" ? HttpStatusCode.Created : HttpStatusCode.OK;
            var unexpected = answers.Where(a => a.StatusCode != expectedWin(a.Request.Type)
                && !(a.StatusCode == HttpStatusCode.Conflict && a.Body.Contains("\"TARGET_IS_CNAME\"", StringComparison.Ordinal))).ToList();
            Assert.True(unexpected.Count == 0, $"round {round}: unexpected answers:\n{string.Join('\n', unexpected.Select(a => $"{a.Request.Type} → {a.Request.Target}: {(int)a.StatusCode} {a.Body}"))}");
            foreach (var contest in answers.GroupBy(a => a.Request.Target))
            {
                var winners = contest.Where(a => a.StatusCode == expectedWin(a.Request.Type)).Select(a => a.Request.Type).ToList();
                Assert.True(winners.Count > 0, $"round {round}: nothing passed at {contest.Key}, though the first to commit must");
                Assert.False(winners.Contains("CNAME") && winners.Any(t => t != "CNAME"), $"round {round}: at {contest.Key} {string.Join(", ", winners)} all passed");
            }

            var stored = (await zone.RecordsAsync()).Concat(await other.RecordsAsync()).ToList();
            var violations = DnsRuleViolations.Find(stored);
            Assert.True(violations.Count == 0, $"round {round}: the zones break the rules:\n{string.Join('\n', violations)}");
        }
    }

    /// <summary>
    /// Eleven contests of 100 writes in all: at each of five shared names, CNAME, A, AAAA, TXT, MX and ALIAS
    /// writes (14 per name); at each of six names, two CNAMEs against MX and SRV records (in this zone and
    /// another) that target that name (5 per name). In each contest the first write to commit must pass.
    /// </summary>
    private static List<RacingWrite[]> ContestsOfRound(TestZone zone, TestZone other, string prefix)
    {
        var contests = new List<RacingWrite[]>();
        for (var k = 0; k < 5; k++)
        {
            var name = $"{prefix}n{k}";
            var writes = new List<RacingWrite>();
            for (var j = 0; j < 3; j++)
            {
                writes.Add(new(zone, name, "CNAME", $"t{j}.example.net."));
                writes.Add(new(zone, name, "A", $"192.0.2.{j + 1}"));
                writes.Add(new(zone, name, "TXT", $"text {j}"));
            }

            for (var j = 0; j < 2; j++)
            {
                writes.Add(new(zone, name, "MX", $"mx{j}.example.net.", 10));
                writes.Add(new(zone, name, "ALIAS", $"alias{j}.example.net."));
            }

            writes.Add(new(zone, name, "AAAA", $"2001:db8::{k + 1}"));
            contests.Add([.. writes]);
        }

        for (var k = 0; k < 6; k++)
        {
            var target = zone.Fqdn($"{prefix}m{k}");
            contests.Add(
            [
                new(zone, $"{prefix}m{k}", "CNAME", "c0.example.net."),
                new(zone, $"{prefix}m{k}", "CNAME", "c1.example.net."),
                new(zone, $"{prefix}mx{k}", "MX", target, 10),
                new(other, $"{prefix}mx{k}", "MX", target, 10),
                new(k % 2 == 0 ? zone : other, $"_sip._tcp.{prefix}s{k}", "SRV", $"10 5 5060 {target}"),
            ]);
        }

        return contests;
    }

    /// <summary>Pairs of 201s that the rules forbid together; no record is deleted during a race, so none may exist.</summary>
    private static List<string> WinnersThatCannotAllStand(RaceOutcome[] outcomes)
    {
        var won = outcomes.Where(o => o.Won).Select(o => o.Write).ToList();
        var problems = new List<string>();
        foreach (var atName in won.GroupBy(w => w.Fqdn))
        {
            var types = atName.Select(w => w.Type).Distinct().ToList();
            if (types.Contains("CNAME") && types.Count > 1)
            {
                problems.Add($"{atName.Key}: CNAME and {string.Join(", ", types.Where(t => t != "CNAME"))} all got 201");
            }

            if (types.Contains("ALIAS") && types.Any(t => t is "A" or "AAAA"))
            {
                problems.Add($"{atName.Key}: ALIAS and A/AAAA both got 201");
            }
        }

        var cnames = won.Where(w => w.Type == "CNAME").Select(w => w.Fqdn).ToHashSet();
        problems.AddRange(won.Where(w => w.Type is "MX" or "SRV" && cnames.Contains(w.Target!))
            .Select(w => $"{w} got 201, and so did a CNAME at {w.Target}"));
        return problems;
    }
}
