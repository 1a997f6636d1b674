using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// Records written through the API, asked back from PowerDNS over UDP and over TCP: what a resolver gets.
/// </summary>
public sealed class AnswerTests(ServingApiFactory api) : IClassFixture<ServingApiFactory>
{
    public static TheoryData<DnsTransport> Transports => [DnsTransport.Udp, DnsTransport.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_CnameToNameInZone_AnswersCnameAndTargetInOneResponse(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "cn");
        await zone.AddAsync("www", "A", "192.0.2.10");
        await zone.AddAsync("shop", "CNAME", zone.Fqdn("www"));

        var reply = await api.Dns.QueryAsync(zone.Fqdn("shop"), "A", transport);

        Assert.Equal("NOERROR", reply.Status);
        Assert.True(reply.IsAuthoritative, reply.Text);
        Assert.Equal(
            [new ResourceRecord(zone.Fqdn("shop"), 3600, "CNAME", zone.Fqdn("www")), new ResourceRecord(zone.Fqdn("www"), 3600, "A", "192.0.2.10")],
            reply.Answer);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_NameInAnyLetterCase_AnswersLikeLowerCase(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "case");
        await zone.AddAsync("www", "AAAA", "2001:db8::1");

        var reply = await api.Dns.QueryAsync(zone.Fqdn("WwW").ToUpperInvariant(), "AAAA", transport);

        Assert.Equal("NOERROR", reply.Status);
        Assert.Equal(["2001:db8::1"], reply.Data("AAAA"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_NameWithNoRecords_AnswersNxdomainWithZoneSoaInAuthority(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "nx");
        await zone.AddAsync("www", "A", "192.0.2.11");

        var reply = await api.Dns.QueryAsync(zone.Fqdn("nothing-here"), "A", transport);

        Assert.Equal("NXDOMAIN", reply.Status);
        Assert.True(reply.IsAuthoritative, reply.Text);
        Assert.Empty(reply.Answer);
        AssertSoaOf(zone, reply);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_TypeTheNameLacks_AnswersNodataWithZoneSoaInAuthority(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "nd");
        await zone.AddAsync("www", "A", "192.0.2.12");

        var reply = await api.Dns.QueryAsync(zone.Fqdn("www"), "MX", transport);

        Assert.Equal("NOERROR", reply.Status);
        Assert.Empty(reply.Answer);
        AssertSoaOf(zone, reply);
    }

    // RFC 8020: a name with nothing at it but names below it exists; it answers NODATA, and a name under it that
    // holds nothing is NXDOMAIN.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_EmptyNonTerminal_AnswersNodataWhileNameBelowItIsNxdomain(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "ent");
        await zone.AddAsync("a.b.c", "A", "192.0.2.13");

        var emptyParent = await api.Dns.QueryAsync(zone.Fqdn("b.c"), "A", transport);
        var emptyGrandparent = await api.Dns.QueryAsync(zone.Fqdn("c"), "TXT", transport);
        var sibling = await api.Dns.QueryAsync(zone.Fqdn("x.b.c"), "A", transport);

        Assert.Equal("NOERROR", emptyParent.Status);
        Assert.Empty(emptyParent.Answer);
        AssertSoaOf(zone, emptyParent);
        Assert.Equal("NOERROR", emptyGrandparent.Status);
        Assert.Empty(emptyGrandparent.Answer);
        Assert.Equal("NXDOMAIN", sibling.Status);
        AssertSoaOf(zone, sibling);
    }

    // RFC 4592: a wildcard answers for names that do not exist, under the wildcard's own name, and not for names that
    // exist (with other types: NODATA) nor below an empty non-terminal, which exists.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_UnderWildcard_AnswersSynthesisedRecordsOnlyForNamesThatDoNotExist(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "wc");
        await zone.AddAsync("*", "A", "192.0.2.14");
        await zone.AddAsync("*", "TXT", "wildcard");
        await zone.AddAsync("mail", "MX", zone.Fqdn("mx"), priority: 10);
        await zone.AddAsync("x.empty", "A", "192.0.2.15");

        var synthesised = await api.Dns.QueryAsync(zone.Fqdn("anything"), "A", transport);
        var deeper = await api.Dns.QueryAsync(zone.Fqdn("a.b.anything"), "TXT", transport);
        var existing = await api.Dns.QueryAsync(zone.Fqdn("mail"), "A", transport);
        var belowEmpty = await api.Dns.QueryAsync(zone.Fqdn("y.empty"), "A", transport);

        Assert.Equal([new ResourceRecord(zone.Fqdn("anything"), 3600, "A", "192.0.2.14")], synthesised.Answer);
        Assert.Equal([new ResourceRecord(zone.Fqdn("a.b.anything"), 3600, "TXT", "\"wildcard\"")], deeper.Answer);
        Assert.Equal("NOERROR", existing.Status);
        Assert.Empty(existing.Answer);
        Assert.Equal("NXDOMAIN", belowEmpty.Status);
    }

    [Theory]
    [MemberData(nameof(RecordTypeCases))]
    public async Task Query_RecordOfType_AnswersItsPresentationForm(string type, string name, string content, int? priority, string expected, DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "ty");
        await zone.AddAsync(name, type, content.Replace("{zone}", zone.Name, StringComparison.Ordinal), priority);

        var reply = await api.Dns.QueryAsync(zone.Fqdn(name), type, transport);

        Assert.Equal("NOERROR", reply.Status);
        var record = Assert.Single(reply.Answer);
        Assert.Equal(zone.Fqdn(name), record.Name);
        Assert.Equal(type, record.Type);
        Assert.Equal(expected.Replace("{zone}", zone.Name, StringComparison.Ordinal), record.Data, ignoreCase: true);
    }

    public static TheoryData<string, string, string, int?, string, DnsTransport> RecordTypeCases()
    {
        // type, owner, content as sent, priority, RDATA as dig prints it (hex in upper case: compared ignoring case).
        (string, string, string, int?, string)[] cases =
        [
            ("MX", "mx", "mail.{zone}.", 10, "10 mail.{zone}."),
            ("MX", "mx2", "20 mail2.{zone}.", null, "20 mail2.{zone}."),
            ("SRV", "_sip._tcp", "10 60 5060 sip.{zone}.", null, "10 60 5060 sip.{zone}."),
            ("CAA", "caa", "0 issue \"letsencrypt.org\"", null, "0 issue \"letsencrypt.org\""),
            ("TLSA", "_443._tcp.www", "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6", null,
                "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"),
            ("HTTPS", "web", "1 . alpn=h2,h3 port=8443", null, "1 . alpn=\"h2,h3\" port=8443"),
            // A key without a value: PowerDNS 4.7 takes generic keys only with one, so it is served as key65280="".
            ("HTTPS", "generic", "1 . alpn=h2 key65280", null, "1 . alpn=\"h2\" key65280"),
            ("SVCB", "_dns", "1 dns.{zone}. alpn=dot", null, "1 dns.{zone}. alpn=\"dot\""),
            ("SSHFP", "host", "4 2 123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", null,
                "4 2 123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0"),
            ("NAPTR", "sip", "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.{zone}.", null, "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.{zone}."),
            ("PTR", "ptr", "host.example.net.", null, "host.example.net."),
        ];
        var data = new TheoryData<string, string, string, int?, string, DnsTransport>();
        foreach (var (type, name, content, priority, expected) in cases)
        {
            foreach (var transport in Transports)
            {
                data.Add(type, name, content, priority, expected, transport);
            }
        }

        return data;
    }

    // RFC 1035 §3.3.14: one TXT value over 255 octets travels as several character-strings of at most 255 octets,
    // which a reader joins again (RFC 7208 §3.3); UTF-8 characters are never cut.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_TxtOver255Octets_AnswersStringsOfAtMost255OctetsThatJoinToTheValue(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "txt");
        var value = "v=DKIM1; k=rsa; p=" + new string('A', 240) + "é\"quoted\" back\\slash " + new string('B', 300);
        await zone.AddAsync("sel._domainkey", "TXT", value);

        var reply = await api.Dns.QueryAsync(zone.Fqdn("sel._domainkey"), "TXT", transport);

        Assert.DoesNotContain("tc", reply.Flags);
        var strings = Assert.Single(reply.Answer).CharacterStrings();
        Assert.Equal(3, strings.Count);
        Assert.All(strings, s => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(s), 1, 255));
        Assert.Equal(value, string.Concat(strings));
    }

    private static void AssertSoaOf(TestZone zone, DnsReply reply)
    {
        var soa = Assert.Single(reply.Authority);
        Assert.Equal("SOA", soa.Type);
        Assert.Equal(zone.Apex, soa.Name);
    }
}
