using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// What PowerDNS transfers (AXFR, RFC 5936) is what GET …/export writes: the same records, compared after BIND's
/// zone compiler has put both texts in one canonical form. ALIAS is the one difference by design: no DNS type
/// carries it, so the export writes it as a comment line and PowerDNS transfers its own private type; both are
/// compared separately.
/// </summary>
public sealed class TransferMatchesExportTests(ServingApiFactory api) : IClassFixture<ServingApiFactory>
{
    [Fact]
    public async Task Transfer_ZoneWithEveryType_CarriesTheRecordsOfTheExport()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "axfr-export");
        await zone.AddAsync("www", "A", "192.0.2.80");
        await zone.AddAsync("www", "AAAA", "2001:db8::80");
        await zone.AddAsync("alias-me", "CNAME", zone.Fqdn("www"));
        await zone.AddAsync("@", "MX", zone.Fqdn("www"), priority: 5);
        await zone.AddAsync("@", "TXT", "v=spf1 -all");
        await zone.AddAsync("long", "TXT", new string('t', 300) + " \"quoted\" café");
        await zone.AddAsync("_sip._udp", "SRV", "1 2 5060 sip.example.net.");
        await zone.AddAsync("@", "CAA", "0 issue \"letsencrypt.org\"");
        await zone.AddAsync("_443._tcp.www", "TLSA", "3 1 1 " + new string('a', 64));
        await zone.AddAsync("www", "SSHFP", "4 2 " + new string('b', 64));
        await zone.AddAsync("www", "HTTPS", "1 . alpn=h2,h3 port=443");
        await zone.AddAsync("_svc", "SVCB", "1 svc.example.net. port=8443");
        await zone.AddAsync("sip", "NAPTR", "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.net.");
        await zone.AddAsync("*.wild", "A", "192.0.2.99");
        await zone.AddAsync("apex-alias", "ALIAS", "www.example.net.");
        (await zone.PostAsync("hidden", "A", "192.0.2.81", disabled: true)).EnsureSuccessStatusCode();

        var response = await client.GetAsync($"/v1/zones/{zone.Id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.Content.ReadAsStringAsync();
        var transfer = await Dig.TransferTextAsync(PowerDnsServer.Address, api.Dns.Port, zone.Apex);

        var transferLines = transfer.Split('\n');
        var transferAliases = transferLines.Where(IsAlias).ToList();
        var transferWithoutAlias = string.Join('\n', transferLines.Where(l => !IsAlias(l)));
        Assert.Equal(
            await NamedCompilezone.CanonicalAsync(zone.Name, export),
            await NamedCompilezone.CanonicalAsync(zone.Name, transferWithoutAlias));
        Assert.Contains("; ALIAS apex-alias 3600 www.example.net.", export.Split('\n'));
        Assert.Single(transferAliases);
        Assert.StartsWith(zone.Fqdn("apex-alias"), transferAliases[0], StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", transfer, StringComparison.Ordinal);
    }

    // PowerDNS sends ALIAS in AXFR under its own name or as its private type number (TYPE65401, RFC 3597 form).
    private static bool IsAlias(string line) =>
        line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is [_, _, "IN", "ALIAS" or "TYPE65401", ..];
}
