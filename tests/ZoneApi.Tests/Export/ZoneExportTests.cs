using System.Net;
using System.Text.Json;
using ZoneApi.Export;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Zones;

namespace ZoneApi.Tests.Export;

/// <summary>GET /v1/zones/{zone_id}/export: the zone as a master file that BIND loads (CONTRACT A8, issue 8).</summary>
public sealed class ZoneExportTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Hex64 = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";

    [Fact]
    public async Task Export_ZoneWithEveryType_IsAMasterFileThatBindLoads()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RichZoneAsync(client);

        var response = await client.GetAsync(ExportPath(zone.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/dns", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var file = await response.Content.ReadAsStringAsync();
        Assert.Null(await NamedCheckzone.RefusalAsync(zone.Name, file));
    }

    [Fact]
    public async Task Export_ZoneWithEveryType_StartsWithDirectivesAndSoaAndWritesEachTypeInPresentationForm()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RichZoneAsync(client);

        var lines = (await ExportAsync(client, zone.Id)).Split('\n');

        Assert.Equal($"$ORIGIN {zone.Name}.", lines[0]);
        Assert.Equal("$TTL 3600", lines[1]);
        Assert.StartsWith("@\t3600\tIN\tSOA\tns1.zoneapi.test. hostmaster.zoneapi.test. ", lines[2], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("\tSOA\t", StringComparison.Ordinal));
        Assert.Contains("@\t3600\tIN\tMX\t10 mail." + zone.Apex, lines);
        Assert.Contains("; ALIAS @ 600 lb.example.net.", lines);
        Assert.Contains("xn--bcher-kva\t300\tIN\tA\t192.0.2.8", lines);
        Assert.Contains("*.dev\t3600\tIN\tA\t192.0.2.9", lines);
        Assert.Contains($"@\t3600\tIN\tTXT\t\"{new string('a', 255)}\" \"{new string('b', 255)}\" \"\\\"quoted\\\" back\\\\slash caf\\195\\169\"", lines);
        Assert.DoesNotContain(lines, l => l.Contains("hidden", StringComparison.Ordinal));
        Assert.Equal("", lines[^1]); // the file ends with a line break
    }

    [Fact]
    public async Task Export_Always_HasTheRecordListsOrderWithTheSoaFirstAndNoDisabledRecords()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RichZoneAsync(client);
        var listed = await ListAsync(zone);

        var lines = (await ExportAsync(client, zone.Id)).Split('\n')[2..^1];

        var soa = listed.Single(r => r.Type == "SOA");
        var served = listed.Where(r => r.Type != "SOA" && !r.Disabled);
        var expected = new[] { soa }.Concat(served).Select(r => ZoneFileRenderer.Line(zone.Name, r.Record)).ToArray();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task Export_AfterAChange_CarriesTheNewSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = SoaSerial(await ExportAsync(client, zone.Id));

        await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var after = await ExportAsync(client, zone.Id);
        Assert.True(SoaSerial(after) > before, after);
        Assert.Contains("www\t3600\tIN\tA\t192.0.2.1", after.Split('\n'));
    }

    [Fact]
    public async Task Export_AnotherCustomersZone_IsZoneNotFound()
    {
        using var owner = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(owner);
        await zone.AddRecordAsync("secret", "TXT", "owner only");
        using var other = await TwoCustomers.CustomerAsync(api, "x");

        var response = await other.GetAsync(ExportPath(zone.Id));

        var error = await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        Assert.DoesNotContain(zone.Name, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("owner only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownZone_IsZoneNotFound()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync(ExportPath(Guid.NewGuid().ToString()));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
    }

    [Fact]
    public async Task Export_ZoneIdThatIsNoUuid_IsInvalidZoneId()
    {
        using var client = api.CreateAuthenticatedClient();

        var response = await client.GetAsync(ExportPath("not-a-uuid"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ZONE_ID");
    }

    [Fact]
    public async Task Export_KeyWithoutRecordsRead_IsInsufficientScope()
    {
        using var admin = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(admin);
        using var client = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:write"));

        var response = await client.GetAsync(ExportPath(zone.Id));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }

    [Fact]
    public async Task Export_WithoutKey_IsUnauthorized()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync(ExportPath(Guid.NewGuid().ToString()));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    private static string ExportPath(string zoneId) => $"/v1/zones/{zoneId}/export";

    private static async Task<string> ExportAsync(HttpClient client, string zoneId)
    {
        var response = await client.GetAsync(ExportPath(zoneId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static long SoaSerial(string file) =>
        long.Parse(file.Split('\n').Single(l => l.Contains("\tSOA\t", StringComparison.Ordinal)).Split(' ')[2], provider: null);

    /// <summary>A zone holding every type the API writes, a wildcard, an IDN owner, a long TXT and a disabled record.</summary>
    private static async Task<TestZone> RichZoneAsync(HttpClient client)
    {
        var zone = await TestZone.CreateAsync(client);
        var www = zone.Fqdn("www");
        await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 300);
        await zone.AddRecordAsync("www", "AAAA", "2001:db8::1", ttl: 300);
        await zone.AddRecordAsync("mail", "A", "192.0.2.25");
        await zone.AddRecordAsync(new { name = "@", type = "ALIAS", content = "lb.example.net.", ttl = 600 });
        await zone.AddRecordAsync("@", "CAA", "0 issue \"letsencrypt.org\"");
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
        await zone.AddRecordAsync("@", "TXT", new string('a', 255) + new string('b', 255) + "\"quoted\" back\\slash café");
        await zone.AddRecordAsync("*.dev", "A", "192.0.2.9");
        await zone.AddRecordAsync("bücher", "A", "192.0.2.8", ttl: 300);
        await zone.AddRecordAsync(new { name = "hidden", type = "TXT", content = "disabled, not served", disabled = true });
        return zone;
    }

    private static async Task<IReadOnlyList<Listed>> ListAsync(TestZone zone)
    {
        var response = await zone.Http.GetAsync(zone.RecordsPath + "?limit=1000");
        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        return [.. data.GetProperty("records").EnumerateArray().Select(Listed.From)];
    }

    private sealed record Listed(ZoneFileRecord Record, bool Disabled)
    {
        public string Type => Record.Type;

        public static Listed From(JsonElement r) => new(
            new ZoneFileRecord(r.Str("name"), r.Str("type"), r.Str("content"),
                r.TryGetProperty("priority", out var p) ? p.GetInt32() : null, r.GetProperty("ttl").GetInt32()),
            r.GetProperty("disabled").GetBoolean());
    }
}
