using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// ALIAS (CONTRACT B12): PowerDNS answers A and AAAA questions at an ALIAS with the addresses of its target, which it
/// resolves through its resolver= setting (here PowerDNS itself: nothing beyond loopback is reachable in tests).
/// </summary>
public sealed class AliasTests(ServingApiFactory api) : IClassFixture<ServingApiFactory>
{
    public static TheoryData<DnsTransport> Transports => [DnsTransport.Udp, DnsTransport.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_AliasAtApex_AnswersTheTargetsAddressesUnderTheApex(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var target = await TestZone.CreateAsync(client, "cdn");
        await target.AddAsync("edge", "A", "192.0.2.70");
        await target.AddAsync("edge", "A", "192.0.2.71");
        await target.AddAsync("edge", "AAAA", "2001:db8::70");
        var zone = await TestZone.CreateAsync(client, "apex");
        await zone.AddAsync("@", "ALIAS", target.Fqdn("edge"));
        await zone.AddAsync("@", "MX", zone.Fqdn("mail"), priority: 10);

        var v4 = await api.Dns.QueryAsync(zone.Apex, "A", transport);
        var v6 = await api.Dns.QueryAsync(zone.Apex, "AAAA", transport);
        var mx = await api.Dns.QueryAsync(zone.Apex, "MX", transport);

        Assert.Equal("NOERROR", v4.Status);
        Assert.All(v4.Answer, r => Assert.Equal(zone.Apex, r.Name));
        Assert.Equal(["192.0.2.70", "192.0.2.71"], v4.Data("A").Order());
        Assert.Equal(["2001:db8::70"], v6.Data("AAAA"));
        Assert.Equal([$"10 {zone.Fqdn("mail")}"], mx.Data("MX"));
    }

    [Fact]
    public async Task Transfer_Zone_CarriesEveryEnabledRecordBetweenTwoSoas()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "axfr");
        await zone.AddAsync("www", "A", "192.0.2.80");
        await zone.AddAsync("@", "MX", zone.Fqdn("mail"), priority: 5);
        await zone.AddAsync("_sip._udp", "SRV", "1 2 5060 sip.example.net.");
        await zone.AddAsync("long", "TXT", new string('t', 300));
        (await zone.PostAsync("hidden", "A", "192.0.2.81", disabled: true)).EnsureSuccessStatusCode();

        var records = await api.Dns.TransferAsync(zone.Apex);

        Assert.Equal("SOA", records[0].Type);
        Assert.Equal(records[0], records[^1]);
        var rest = records.Skip(1).SkipLast(1).Select(r => $"{r.Name} {r.Type} {r.Data}").Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                $"{zone.Apex} MX 5 {zone.Fqdn("mail")}",
                $"{zone.Apex} NS ns1.zoneapi.test.",
                $"{zone.Apex} NS ns2.zoneapi.test.",
                $"{zone.Fqdn("_sip._udp")} SRV 1 2 5060 sip.example.net.",
                $"{zone.Fqdn("long")} TXT \"{new string('t', 255)}\" \"{new string('t', 45)}\"",
                $"{zone.Fqdn("www")} A 192.0.2.80",
            }.Order(StringComparer.Ordinal),
            rest);
    }
}
