using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Racing writes: never both past a rule, never a 500, and one serial step per change.</summary>
public sealed class RecordConcurrencyTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private static readonly HttpStatusCode[] Outcomes = [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    [Fact]
    public async Task CnameAndARacingForOneName_NeverBothSucceed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var name = $"race{i}";
            var cname = zone.PostAsync(new { name, type = "CNAME", content = "example.com" });
            var a = zone.PostAsync(new { name, type = "A", content = "192.0.2.1" });
            return (Cname: await cname, A: await a);
        }));

        foreach (var (cname, a) in results)
        {
            Assert.Equal(1, new[] { cname.StatusCode, a.StatusCode }.Count(s => s == HttpStatusCode.Created));
            var loser = cname.StatusCode == HttpStatusCode.Created ? a : cname;
            await loser.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        }

        var records = await zone.ListAllAsync();
        Assert.All(records.Where(r => r.Str("name") != zone.Apex).GroupBy(r => r.Str("name")), g => Assert.Single(g));
    }

    [Fact]
    public async Task AliasAndAddressRacingForTheApex_NeverBothSucceed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zones = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RecordsClient.CreateZoneAsync(client)));

        var results = await Task.WhenAll(zones.Select(async zone =>
        {
            var alias = zone.PostAsync(new { name = "@", type = "ALIAS", content = "lb.example.net" });
            var a = zone.PostAsync(new { name = "@", type = "AAAA", content = "2001:db8::1" });
            return (await alias, await a);
        }));

        foreach (var (alias, a) in results)
        {
            Assert.Equal(1, new[] { alias.StatusCode, a.StatusCode }.Count(s => s == HttpStatusCode.Created));
            await (alias.StatusCode == HttpStatusCode.Created ? a : alias).AssertErrorAsync(HttpStatusCode.Conflict, "ALIAS_CONFLICT");
        }
    }

    [Fact]
    public async Task TwoCnamesRacingToCloseALoop_NeverBothSucceed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var ab = zone.PostAsync(new { name = $"a{i}", type = "CNAME", content = zone.Fqdn($"b{i}") });
            var ba = zone.PostAsync(new { name = $"b{i}", type = "CNAME", content = zone.Fqdn($"a{i}") });
            return (await ab, await ba);
        }));

        foreach (var (ab, ba) in results)
        {
            Assert.Equal(1, new[] { ab.StatusCode, ba.StatusCode }.Count(s => s == HttpStatusCode.Created));
            await (ab.StatusCode == HttpStatusCode.Created ? ba : ab).AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_LOOP");
        }
    }

    [Fact]
    public async Task MxAndCnameRacingAcrossZones_NeverBothSucceed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var other = await RecordsClient.CreateZoneAsync(client);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var mx = zone.PostAsync(new { name = $"m{i}", type = "MX", content = $"10 {other.Fqdn($"t{i}")}" });
            var cname = other.PostAsync(new { name = $"t{i}", type = "CNAME", content = "example.com" });
            return (await mx, await cname);
        }));

        foreach (var (mx, cname) in results)
        {
            Assert.Equal(1, new[] { mx.StatusCode, cname.StatusCode }.Count(s => s == HttpStatusCode.Created));
            await (mx.StatusCode == HttpStatusCode.Created ? cname : mx).AssertErrorAsync(HttpStatusCode.Conflict, "TARGET_IS_CNAME");
        }
    }

    [Fact]
    public async Task ParallelCreates_AllSucceedAndEachRaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SoaSerialAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => zone.PostAsync(new { name = "www", type = "A", content = $"192.0.2.{i + 1}", ttl = 300 + i })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var a = (await zone.ListAllAsync()).Where(r => r.Str("type") == "A").ToList();
        Assert.Equal(40, a.Count);
        Assert.Single(a.Select(r => r.GetProperty("ttl").GetInt32()).Distinct());
        Assert.True(await zone.SoaSerialAsync() >= before + 40);
    }

    [Fact]
    public async Task SameValueCreatedInParallel_IsOneRecordAndNever500()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => zone.PostAsync(new { name = "www", type = "TXT", content = "same" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await zone.ListAllAsync(), r => r.Str("type") == "TXT");
    }

    [Fact]
    public async Task CnamesRacingForOneName_LeaveExactlyOne()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => zone.PostAsync(new { name = "www", type = "CNAME", content = $"t{i}.example.net" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, Outcomes));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(await zone.ListAllAsync(), r => r.Str("type") == "CNAME");
    }

    [Fact]
    public async Task PutAndDeleteRacingOnOneRecord_AnswerOnlyDocumentedOutcomes()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var records = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            records.Add((await zone.CreateAsync("www", "A", $"192.0.2.{i + 1}")).Str("id"));
        }

        var responses = await Task.WhenAll(records.SelectMany((id, i) => new[]
        {
            zone.PutAsync(id, new { name = "www", type = "A", content = $"198.51.100.{i + 1}" }),
            zone.DeleteAsync(id),
            zone.PutByNameAsync("www", "A", new { content = $"203.0.113.{i + 1}" }, $"192.0.2.{i + 1}"),
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, Outcomes));
        var left = (await zone.ListAllAsync()).Where(r => r.Str("type") == "A").ToList();
        Assert.True(left.Count <= 10);
        Assert.All(left, r => Assert.DoesNotContain(r.Str("id"), records));
    }
}
