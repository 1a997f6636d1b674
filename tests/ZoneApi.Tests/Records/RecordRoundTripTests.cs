using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>A zone built through the API lists exactly what its create responses returned, canonicalised.</summary>
public sealed class RecordRoundTripTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private static readonly string LongTxt = "v=long1 " + string.Concat(Enumerable.Range(0, 30).Select(i => $"chunk{i:D2}-abc")) + " end";

    [Fact]
    public async Task List_AfterBuildingAFullZone_ReturnsExactlyTheCreatedRecordsPlusSoaAndSystemNs()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var z = zone.Name;
        var writes = Writes(z);

        var created = new List<JsonElement>();
        foreach (var (body, name, type, content, priority, ttl) in writes)
        {
            var record = await zone.AddRecordAsync(body);
            RecordAssert.HasRecordShape(record);
            Assert.Equal(name, record.Str("name"));
            Assert.Equal(type, record.Str("type"));
            Assert.Equal(content, record.Str("content"));
            Assert.Equal(ttl, record.GetProperty("ttl").GetInt32());
            Assert.False(record.GetProperty("disabled").GetBoolean());
            Assert.Equal(priority, record.TryGetProperty("priority", out var p) ? p.GetInt32() : null);
            created.Add(record);
        }

        var data = await zone.ListPageAsync("?limit=1000");
        var listed = data.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(listed.Count, data.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(created.Count + 3, listed.Count);
        var system = listed.Where(r => !created.Any(c => c.Str("id") == r.Str("id"))).ToList();
        Assert.Equal([(zone.Apex, "NS", "ns1.zoneapi.test."), (zone.Apex, "NS", "ns2.zoneapi.test."), (zone.Apex, "SOA", system[2].Str("content"))],
            system.Select(r => (r.Str("name"), r.Str("type"), r.Str("content"))));
        Assert.Matches(@"^ns1\.zoneapi\.test\. \S+\. \d{10} \d+ \d+ \d+ \d+$", system[2].Str("content"));
        Assert.Equal(created.Select(r => r.GetRawText()).Order(StringComparer.Ordinal),
            listed.Where(r => created.Any(c => c.Str("id") == r.Str("id"))).Select(r => r.GetRawText()).Order(StringComparer.Ordinal));
        Assert.Equal(listed.Count, listed.Select(r => r.Str("id")).Distinct().Count());
        foreach (var record in listed)
        {
            RecordAssert.HasRecordShape(record);
        }

        var keys = listed.Select(r => (r.Str("name"), r.Str("type"), r.Str("content"))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task GetById_EveryCreatedRecord_ReturnsTheCreateResponseRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var created = new List<JsonElement>();
        foreach (var write in Writes(zone.Name))
        {
            created.Add(await zone.AddRecordAsync(write.Body));
        }

        foreach (var record in created)
        {
            Assert.Equal(record.GetRawText(), (await zone.GetRecordAsync(record.Str("id"))).GetRawText());
        }
    }

    [Fact]
    public async Task Create_EveryValueAgain_IsIdempotentAndLeavesTheZoneAsItWas()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var writes = Writes(zone.Name);
        var first = new List<string>();
        foreach (var write in writes)
        {
            first.Add((await zone.AddRecordAsync(write.Body)).GetRawText());
        }

        var records = (await zone.RecordsAsync()).Where(r => r.Str("type") != "SOA").Select(r => r.GetRawText()).ToList();

        var second = new List<string>();
        foreach (var write in writes)
        {
            second.Add((await zone.AddRecordAsync(write.Body)).GetRawText());
        }

        Assert.Equal(first, second);
        Assert.Equal(records, (await zone.RecordsAsync()).Where(r => r.Str("type") != "SOA").Select(r => r.GetRawText()));
    }

    /// <summary>What a client sends, and the record it must get back (CONTRACT A3, B12).</summary>
    private static List<(object Body, string Name, string Type, string Content, int? Priority, int Ttl)> Writes(string z) =>
    [
        (new { name = "@", type = "NS", content = "NS1.Other-DNS.net" }, $"{z}.", "NS", "ns1.other-dns.net.", null, 3600),
        (new { name = "@", type = "ALIAS", content = "lb.provider.net" }, $"{z}.", "ALIAS", "lb.provider.net.", null, 3600),
        (new { name = "host", type = "A", content = "192.0.2.10" }, $"host.{z}.", "A", "192.0.2.10", null, 3600),
        (new { name = "host", type = "AAAA", content = "2001:DB8:0:0::1" }, $"host.{z}.", "AAAA", "2001:db8::1", null, 3600),
        (new { name = "mail", type = "A", content = "192.0.2.25", ttl = 600 }, $"mail.{z}.", "A", "192.0.2.25", null, 600),
        (new { name = "www", type = "CNAME", content = $"host.{z}" }, $"www.{z}.", "CNAME", $"host.{z}.", null, 3600),
        (new { name = "@", type = "MX", content = $"mail.{z}", priority = 10 }, $"{z}.", "MX", $"mail.{z}.", 10, 3600),
        (new { name = "@", type = "MX", content = "20 MX2.Backup-Mail.net." }, $"{z}.", "MX", "mx2.backup-mail.net.", 20, 3600),
        (new { name = "@", type = "TXT", content = LongTxt }, $"{z}.", "TXT", LongTxt, null, 3600),
        (new { name = "@", type = "TXT", content = "say \"hi\" to  them" }, $"{z}.", "TXT", "say \"hi\" to  them", null, 3600),
        (new { name = "@", type = "TXT", content = "\"v=spf1 mx -all\"" }, $"{z}.", "TXT", "v=spf1 mx -all", null, 3600),
        (new { name = "_sip._tcp", type = "SRV", content = "10 5 5060 SIP.example.net" }, $"_sip._tcp.{z}.", "SRV", "10 5 5060 sip.example.net.", 10, 3600),
        (new { name = "_xmpp-client._tcp", type = "SRV", content = "5 5222 xmpp.example.net.", priority = 20 }, $"_xmpp-client._tcp.{z}.", "SRV", "20 5 5222 xmpp.example.net.", 20, 3600),
        (new { name = "@", type = "CAA", content = "0 issue letsencrypt.org" }, $"{z}.", "CAA", "0 issue \"letsencrypt.org\"", null, 3600),
        (new { name = "_443._tcp.host", type = "TLSA", content = "3 1 1 " + string.Concat(Enumerable.Repeat("AB", 32)) }, $"_443._tcp.host.{z}.", "TLSA", "3 1 1 " + string.Concat(Enumerable.Repeat("ab", 32)), null, 3600),
        (new { name = "host", type = "SSHFP", content = "4 2 " + new string('F', 64) }, $"host.{z}.", "SSHFP", "4 2 " + new string('f', 64), null, 3600),
        (new { name = "@", type = "HTTPS", content = "1 . port=443 alpn=h2,h3" }, $"{z}.", "HTTPS", "1 . alpn=h2,h3 port=443", null, 3600),
        (new { name = "_dns.host", type = "SVCB", content = "1 DNS.Example.net alpn=h2" }, $"_dns.host.{z}.", "SVCB", "1 dns.example.net. alpn=h2", null, 3600),
        (new { name = "*.dev", type = "A", content = "192.0.2.30" }, $"*.dev.{z}.", "A", "192.0.2.30", null, 3600),
        (new { name = "_dmarc", type = "TXT", content = "v=DMARC1; p=reject; rua=mailto:dmarc@example.net", ttl = 300 }, $"_dmarc.{z}.", "TXT", "v=DMARC1; p=reject; rua=mailto:dmarc@example.net", null, 300),
        (new { name = "_acme-challenge", type = "TXT", content = "gfj9Xq8JlDiPkfmDO6sNR5p5aKfx2Q_T9-PwE3Xz1Ys" }, $"_acme-challenge.{z}.", "TXT", "gfj9Xq8JlDiPkfmDO6sNR5p5aKfx2Q_T9-PwE3Xz1Ys", null, 3600),
    ];
}
