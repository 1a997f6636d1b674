using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Import;

/// <summary>
/// The import runs the stored-state rules over the whole final zone in memory, single writes run them in SQL per
/// record: this proves they agree. Each case (from the rule tests of Rules/ and Servable/) is played three ways: the
/// setup and then the candidate as single POSTs; the setup as POSTs and the candidate as an import; and setup plus
/// candidate as one import into an empty zone. All three must accept, or refuse with the same code, and the imports
/// must name the candidate's line.
/// </summary>
public sealed class ImportRuleEquivalenceTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    /// <summary>A record in a file's own words: relative owner, type, content with {zone} and {other} for the zones' apexes.</summary>
    public sealed record Rec(string Name, string Type, string Content, int? Ttl = null);

    /// <summary>
    /// A rule case: what the zone holds, the candidate write, the code a POST answers (null: accepted), records of the
    /// customer's other zone, and <c>WholeFileCode</c> when a file holding setup and candidate answers otherwise than the
    /// writes one by one (a file is a zone, not a sequence of writes: two CNAMEs at one name is a broken file, which BIND
    /// refuses too, not a replacement).
    /// </summary>
    public sealed record RuleCase(string Title, Rec[] Setup, Rec Candidate, string? Code, Rec[]? OtherZone = null, string? WholeFileCode = null)
    {
        public override string ToString() => Title;
    }

    public static TheoryData<RuleCase> Cases() =>
    [
        new("plain A", [], new("www", "A", "192.0.2.1"), null),
        new("CNAME beside A", [new("www", "A", "192.0.2.1")], new("www", "CNAME", "cdn.example.net."), "CNAME_CONFLICT"),
        new("A beside CNAME", [new("www", "CNAME", "cdn.example.net.")], new("www", "A", "192.0.2.1"), "CNAME_CONFLICT"),
        new("CNAME beside ALIAS", [new("x", "ALIAS", "lb.example.net.")], new("x", "CNAME", "cdn.example.net."), "CNAME_CONFLICT"),
        new("CNAME replaces CNAME", [new("www", "CNAME", "a.example.net.")], new("www", "CNAME", "b.example.net."), null,
            WholeFileCode: "CNAME_CONFLICT"),
        new("ALIAS beside A", [new("@", "A", "192.0.2.1")], new("@", "ALIAS", "lb.example.net."), "ALIAS_CONFLICT"),
        new("AAAA beside ALIAS", [new("@", "ALIAS", "lb.example.net.")], new("@", "AAAA", "2001:db8::1"), "ALIAS_CONFLICT"),
        new("MX to a CNAME", [new("mail", "CNAME", "host.example.net.")], new("@", "MX", "10 mail.{zone}"), "TARGET_IS_CNAME"),
        new("CNAME where an MX points", [new("@", "MX", "10 mail.{zone}")], new("mail", "CNAME", "host.example.net."), "TARGET_IS_CNAME"),
        new("NS to a CNAME", [new("ns", "CNAME", "host.example.net.")], new("sub", "NS", "ns.{zone}"), "TARGET_IS_CNAME"),
        new("SRV to a wildcard CNAME", [new("*.svc", "CNAME", "x.example.net.")], new("_sip._tcp", "SRV", "0 5 5060 a.svc.{zone}"), "TARGET_IS_CNAME"),
        new("wildcard CNAME under an MX target", [new("@", "MX", "10 a.mx.{zone}")], new("*.mx", "CNAME", "x.example.net."), "TARGET_IS_CNAME"),
        new("MX to a name with its own address beside a wildcard CNAME",
            [new("*.mx", "CNAME", "x.example.net."), new("a.mx", "A", "192.0.2.1")], new("@", "MX", "10 a.mx.{zone}"), null),
        new("alias of itself", [], new("a", "CNAME", "a.{zone}"), "CNAME_LOOP"),
        new("loop of two", [new("a", "CNAME", "b.{zone}")], new("b", "CNAME", "a.{zone}"), "CNAME_LOOP"),
        new("loop through ALIAS", [new("a", "ALIAS", "b.{zone}")], new("b", "CNAME", "a.{zone}"), "CNAME_LOOP"),
        new("wildcard loop", [], new("*.lw", "CNAME", "a.lw.{zone}"), "CNAME_LOOP"),
        new("chain of 8", Chain(2, 9), new("c1", "CNAME", "c2.{zone}"), null),
        new("chain of 9 from its start", Chain(1, 9), new("c0", "CNAME", "c1.{zone}"), "CNAME_CHAIN_TOO_LONG"),
        new("chain of 9 from its end", Chain(0, 8), new("c8", "CNAME", "c9.{zone}"), "CNAME_CHAIN_TOO_LONG"),
        new("chain of 9 in the middle", [.. Chain(0, 4), .. Chain(5, 9)], new("c4", "CNAME", "c5.{zone}"), "CNAME_CHAIN_TOO_LONG"),
        new("NS target inside without address", [], new("@", "NS", "ns9.{zone}"), "NS_TARGET_NEEDS_ADDRESS"),
        new("NS target inside with address", [new("ns9", "A", "192.0.2.53")], new("@", "NS", "ns9.{zone}"), null),
        new("NS target answered by a wildcard address", [new("*.n", "A", "192.0.2.53")], new("@", "NS", "a.n.{zone}"), null),
        new("delegation with its own glue", [new("sub", "NS", "ns.sub.{zone}")], new("ns.sub", "A", "192.0.2.1"), null),
        new("record below a delegation", [new("sub", "NS", "ns.example.net.")], new("host.sub", "A", "192.0.2.1"), "OCCLUDED_RECORD"),
        new("delegation over a record", [new("host.sub", "A", "192.0.2.1")], new("sub", "NS", "ns.example.net."), "OCCLUDED_RECORD"),
        new("TXT at a delegation", [new("sub", "NS", "ns.example.net.")], new("sub", "TXT", "hidden"), "OCCLUDED_RECORD"),
        new("null MX beside MX", [new("@", "MX", "10 mail.example.net.")], new("@", "MX", "0 ."), "NULL_MX_CONFLICT"),
        new("MX beside null MX", [new("@", "MX", "0 .")], new("@", "MX", "10 mail.example.net."), "NULL_MX_CONFLICT"),
        new("AliasMode beside ServiceMode", [new("www", "HTTPS", "1 . alpn=h2")], new("www", "HTTPS", "0 cdn.example.net."), "SVCB_ALIAS_MODE_CONFLICT"),
        new("two ServiceModes", [new("www", "HTTPS", "1 . alpn=h2")], new("www", "HTTPS", "2 . alpn=h3"), null),
        new("apex NS with another TTL", [], new("@", "NS", "ns.example.net.", 300), "PROTECTED_RECORD"),
        new("CNAME at the apex", [], new("@", "CNAME", "x.example.net."), "CNAME_AT_APEX"),
        new("NS at a wildcard", [], new("*.dev", "NS", "ns.example.net."), "WILDCARD_NS"),
        new("name outside the zone", [], new("www.example.org.", "A", "192.0.2.1"), "NAME_OUTSIDE_ZONE"),
        new("bad address", [], new("www", "A", "192.0.2.300"), "VALIDATION_ERROR"),
        new("TTL out of range", [], new("www", "A", "192.0.2.1", 60), "VALIDATION_ERROR"),
        new("MX to a CNAME in another zone", [], new("@", "MX", "10 mail.{other}"), "TARGET_IS_CNAME", [new("mail", "CNAME", "host.example.net.")]),
        new("CNAME where another zone's MX points", [], new("mail", "CNAME", "host.example.net."), "TARGET_IS_CNAME", [new("@", "MX", "10 mail.{zone}")]),
        new("loop through another zone", [], new("b", "CNAME", "a.{other}"), "CNAME_LOOP", [new("a", "CNAME", "b.{zone}")]),
        new("alias into another zone's chain", [], new("a", "CNAME", "c1.{other}"), "CNAME_CHAIN_TOO_LONG", Chain(1, 9, "{other}")),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_SinglePostsAndImports_AcceptOrRefuseAlike(RuleCase rule)
    {
        using var client = api.CreateAuthenticatedClient();
        var posted = await ZoneWithAsync(client, rule);
        var merged = await ZoneWithAsync(client, rule);
        var empty = await ZoneWithAsync(client, rule with { Setup = [] });

        var single = await CodeOfAsync(await posted.Zone.PostAsync(Body(rule.Candidate, posted)));
        var asMerge = await CodeOfAsync(await merged.Zone.ImportAsync(File(merged, [rule.Candidate])));
        var whole = await CodeOfAsync(await empty.Zone.ImportAsync(File(empty, [.. rule.Setup, rule.Candidate])));

        Assert.Equal(rule.Code, single.Code);
        Assert.Equal((rule.Code, rule.WholeFileCode ?? rule.Code), (asMerge.Code, whole.Code));
        if (rule.Code is not null)
        {
            Assert.Equal("line 3", asMerge.Fields[0]);
        }

        if (whole.Code is not null)
        {
            Assert.Contains($"line {3 + rule.Setup.Length}", whole.Fields);
        }
    }

    private static Rec[] Chain(int from, int to, string zone = "{zone}") =>
        [.. Enumerable.Range(from, to - from).Select(i => new Rec($"c{i}", "CNAME", $"c{i + 1}.{zone}"))];

    private sealed record Zones(TestZone Zone, TestZone? Other);

    private static async Task<Zones> ZoneWithAsync(HttpClient client, RuleCase rule)
    {
        var zone = await TestZone.CreateAsync(client);
        var other = rule.OtherZone is null ? null : await TestZone.CreateAsync(client, "o");
        var zones = new Zones(zone, other);
        foreach (var record in other is null ? [] : rule.OtherZone ?? [])
        {
            await (await zones.Other!.PostAsync(Body(record, zones))).AssertSuccessAsync(HttpStatusCode.Created); // set whenever OtherZone is
        }

        foreach (var record in rule.Setup)
        {
            await (await zone.PostAsync(Body(record, zones))).AssertSuccessAsync(HttpStatusCode.Created);
        }

        return zones;
    }

    /// <summary>The zone apexes put into a content: {zone} is the case's zone, {other} the customer's other zone.</summary>
    private static string Fill(string content, Zones zones) =>
        content.Replace("{zone}", zones.Zone.Apex, StringComparison.Ordinal).Replace("{other}", zones.Other?.Apex ?? "", StringComparison.Ordinal);

    private static object Body(Rec record, Zones zones) =>
        new { name = record.Name, type = record.Type, content = Fill(record.Content, zones), ttl = record.Ttl };

    private static string File(Zones zones, IEnumerable<Rec> records) =>
        zones.Zone.File([.. records.Select(r => $"{r.Name} {r.Ttl ?? 3600} IN {r.Type} {Fill(r.Content, zones)}")]);

    private static async Task<(string? Code, string[] Fields)> CodeOfAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return (null, []);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = body.GetProperty("error");
        var fields = error.TryGetProperty("details", out var details) ? details.EnumerateArray().Select(d => d.Str("field")).ToArray() : [];
        return (error.Str("code"), fields);
    }
}
