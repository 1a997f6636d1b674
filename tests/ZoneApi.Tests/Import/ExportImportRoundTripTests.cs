using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Import;

/// <summary>GET …/export, then POST …/import?dry_run=true of that file: the zone already is the file, so nothing changes (CONTRACT A8).</summary>
public sealed class ExportImportRoundTripTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("merge")]
    [InlineData("replace")]
    public async Task ExportThenImportDryRun_OfAZoneWithEveryType_ChangesNothing(string mode)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RichZoneAsync(client);
        var listed = (await zone.RecordsAsync()).Count;

        var data = await zone.ImportOkAsync(await zone.ExportAsync(), mode, dryRun: true);

        Assert.Empty(data.Added());
        Assert.Empty(data.Removed());
        Assert.Empty(data.Changed());
        Assert.Equal(listed - 1, data.Unchanged()); // everything but the SOA
        Assert.Equal(3, data.Ignored().Count); // the SOA and the server's two NS records
    }

    [Fact]
    public async Task ExportOfOneZone_ImportedIntoAnEmptyOne_RebuildsEveryValue()
    {
        using var client = api.CreateAuthenticatedClient();
        var source = await RichZoneAsync(client);
        var target = await TestZone.CreateAsync(client);
        string Moved(string text) => text.Replace(source.Apex, target.Apex, StringComparison.Ordinal);
        var file = Moved(await source.ExportAsync());

        await target.ImportOkAsync(file, "replace");

        var expected = (await source.RecordsAsync()).Where(r => r.Str("type") != "SOA")
            .Select(r => (Moved(r.Str("name")), r.Str("type"), Moved(r.Str("content")), r.GetProperty("ttl").GetInt32()));
        var actual = (await target.RecordsAsync()).Where(r => r.Str("type") != "SOA")
            .Select(r => (r.Str("name"), r.Str("type"), r.Str("content"), r.GetProperty("ttl").GetInt32()));
        Assert.Equal(expected, actual);
    }

    /// <summary>Every type the API writes, a wildcard, an IDN owner, TXT over 255 octets with quotes, a backslash and non-ASCII, and ALIAS.</summary>
    private static async Task<TestZone> RichZoneAsync(HttpClient client)
    {
        var zone = await TestZone.CreateAsync(client);
        var www = zone.Fqdn("www");
        await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 300);
        await zone.AddRecordAsync("www", "AAAA", "2001:db8::1", ttl: 300);
        await zone.AddRecordAsync("mail", "A", "192.0.2.25");
        await zone.AddRecordAsync("ns1", "A", "192.0.2.53");
        await zone.AddRecordAsync(new { name = "@", type = "ALIAS", content = "lb.example.net.", ttl = 600 });
        await zone.AddRecordAsync("@", "CAA", "0 issue \"letsencrypt.org\"");
        await zone.AddRecordAsync("@", "CAA", "0 iodef \"mailto:s\u00e9curit\u00e9@example.com\"");
        await zone.AddRecordAsync("@", "NS", zone.Fqdn("ns1"));
        await zone.AddRecordAsync("blog", "CNAME", www);
        await zone.AddRecordAsync("www", "HTTPS", "1 . alpn=\"h2,h3\" port=443");
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = zone.Fqdn("mail"), priority = 10 });
        await zone.AddRecordAsync("sip", "NAPTR", "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .");
        await zone.AddRecordAsync("sub", "NS", "ns1.example.net.");
        await zone.AddRecordAsync("ptr", "PTR", www);
        await zone.AddRecordAsync("_sip._tcp", "SRV", $"10 5 5060 {www}");
        await zone.AddRecordAsync("www", "SSHFP", "4 2 " + Hex64);
        await zone.AddRecordAsync("_svc", "SVCB", "0 pool.example.net.");
        await zone.AddRecordAsync("_443._tcp.www", "TLSA", "3 1 1 " + Hex64);
        await zone.AddRecordAsync("@", "TXT", new string('a', 255) + new string('b', 255) + "\"quoted\" back\\slash caf\u00e9 ;(x)");
        await zone.AddRecordAsync("@", "TXT", "\"\"fully quoted\"\"");
        await zone.AddRecordAsync("_dmarc", "TXT", "v=DMARC1; p=reject");
        await zone.AddRecordAsync("*.dev", "A", "192.0.2.9");
        await zone.AddRecordAsync("b\u00fccher", "A", "192.0.2.8", ttl: 300);
        await zone.AddRecordAsync(new { name = "cdn", type = "ALIAS", content = "edge.example.net.", ttl = 120 });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(zone.RecordsPath)).StatusCode);
        return zone;
    }
}
