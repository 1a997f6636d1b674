using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// RFC 8020 and RFC 4592 §2.2.2: a name with no records but names below it (an empty non-terminal) exists: it answers
/// NODATA with the zone's SOA, and a wildcard above it does not answer for it. Migration 0012 keeps these names in the
/// transaction of every write; each test changes the records below a name and asks PowerDNS about it after each step.
/// </summary>
public sealed class EmptyNonTerminalTests(ServingApiFactory api) : IClassFixture<ServingApiFactory>
{
    public static TheoryData<DnsTransport> Transports => [DnsTransport.Udp, DnsTransport.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_AfterRecordsBelowComeAndGo_EmptyNonTerminalExistsOnlyWhileOneIsThere(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "entlife");
        await zone.AddAsync("a.b.c", "A", "192.0.2.70");
        await zone.AddAsync("a.b.c", "A", "192.0.2.71");
        var other = await zone.AddRecordAsync("x.b.c", "TXT", "second");

        var withThree = await api.Dns.QueryAsync(zone.Fqdn("b.c"), "A", transport);
        var askedInUpperCase = await api.Dns.QueryAsync(zone.Fqdn("b.c").ToUpperInvariant(), "A", transport);
        (await zone.DeleteByNameAsync("a.b.c", "A")).EnsureSuccessStatusCode();
        var withOne = await api.Dns.QueryAsync(zone.Fqdn("c"), "TXT", transport);
        (await zone.DeleteAsync(other.Str("id"))).EnsureSuccessStatusCode();
        var withNone = await api.Dns.QueryAsync(zone.Fqdn("b.c"), "A", transport);
        var grandparentWithNone = await api.Dns.QueryAsync(zone.Fqdn("c"), "A", transport);

        AssertNodata(zone, withThree);
        AssertNodata(zone, askedInUpperCase);
        AssertNodata(zone, withOne);
        AssertNxdomain(zone, withNone);
        AssertNxdomain(zone, grandparentWithNone);
    }

    // A name whose only descendants are disabled does not exist: BIND never sees a disabled record, and PowerDNS serves
    // none. A name that holds records of its own answers them, and is an empty non-terminal again once they are gone.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_ParentOfDisabledRecord_ExistsOnlyOnceTheRecordIsEnabled(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "entoff");
        var response = await zone.PostAsync("a.dark", "A", "192.0.2.72", disabled: true);
        var record = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");
        await zone.AddAsync("a.lit", "A", "192.0.2.73");
        var own = await zone.AddRecordAsync("lit", "TXT", "own record");
        await zone.AddAsync("a.dim", "A", "192.0.2.74");
        var dimmed = await zone.AddRecordAsync("dim", "TXT", "own record");

        var whileDisabled = await api.Dns.QueryAsync(zone.Fqdn("dark"), "A", transport);
        (await zone.PutAsync(record.Str("id"), new { name = "a.dark", type = "A", content = "192.0.2.72", disabled = false }))
            .EnsureSuccessStatusCode();
        var onceEnabled = await api.Dns.QueryAsync(zone.Fqdn("dark"), "A", transport);
        var withOwnRecord = await api.Dns.QueryAsync(zone.Fqdn("lit"), "TXT", transport);
        (await zone.DeleteAsync(own.Str("id"))).EnsureSuccessStatusCode();
        var withoutOwnRecord = await api.Dns.QueryAsync(zone.Fqdn("lit"), "TXT", transport);
        (await zone.PutAsync(dimmed.Str("id"), new { name = "dim", type = "TXT", content = "own record", disabled = true }))
            .EnsureSuccessStatusCode();
        var withOwnRecordDisabled = await api.Dns.QueryAsync(zone.Fqdn("dim"), "TXT", transport);

        AssertNxdomain(zone, whileDisabled);
        AssertNodata(zone, onceEnabled);
        Assert.Equal(["\"own record\""], withOwnRecord.Data("TXT"));
        AssertNodata(zone, withoutOwnRecord);
        AssertNodata(zone, withOwnRecordDisabled);
    }

    // A name that holds records before a name below it is added stays a name with records, whichever came first.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_NameWithRecordsThenChild_AnswersItsRecordsAndNodataForOtherTypes(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "entfirst");
        await zone.AddAsync("host", "CNAME", "target.example.net.");
        await zone.AddAsync("a.host", "A", "192.0.2.78");

        var cname = await api.Dns.QueryAsync(zone.Fqdn("host"), "CNAME", transport);
        var other = await api.Dns.QueryAsync(zone.Fqdn("host"), "A", transport);

        Assert.Equal(["target.example.net."], cname.Data("CNAME"));
        Assert.Equal(["target.example.net."], other.Data("CNAME"));
    }

    // RFC 4592 §2.2.2: *.w makes w exist; the wildcard answers for the names below w, not for w itself.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_ParentOfWildcard_IsAnEmptyNonTerminal(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "entwild");
        await zone.AddAsync("*.w", "A", "192.0.2.77");

        var parent = await api.Dns.QueryAsync(zone.Fqdn("w"), "A", transport);
        var synthesised = await api.Dns.QueryAsync(zone.Fqdn("any.w"), "A", transport);

        AssertNodata(zone, parent);
        Assert.Equal([new ResourceRecord(zone.Fqdn("any.w"), 3600, "A", "192.0.2.77")], synthesised.Answer);
    }

    // A paused zone is not served at all; resumed, its empty non-terminals are back with its records.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_AfterZoneIsPausedAndResumed_EmptyNonTerminalAnswersNodataAgain(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "entpause");
        await zone.AddAsync("a.b", "A", "192.0.2.75");

        await zone.SetStatusAsync("paused");
        var paused = await api.Dns.QueryAsync(zone.Fqdn("b"), "A", transport);
        await zone.SetStatusAsync("active");
        var resumed = await api.Dns.QueryAsync(zone.Fqdn("b"), "A", transport);

        Assert.Equal("REFUSED", paused.Status);
        AssertNodata(zone, resumed);
    }

    // Each zone answers from its own records: a child zone's names do not make names of its parent exist, while the
    // parent's own delegation to it does (the names between the delegation and the parent's apex).
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_NameAboveNestedZone_ExistsInParentOnlyThroughTheParentsOwnRecords(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var outer = await TestZone.CreateAsync(client, "entouter");
        var innerResponse = await client.PostAsJsonAsync("/v1/zones", new { name = "in.mid." + outer.Name });
        var inner = TestZone.Open(client, (await innerResponse.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone"));
        await inner.AddAsync("a.b", "A", "192.0.2.76");

        var withoutDelegation = await api.Dns.QueryAsync(outer.Fqdn("mid"), "A", transport);
        var innerEmpty = await api.Dns.QueryAsync(inner.Fqdn("b"), "A", transport);
        await outer.AddAsync("del.sub", "NS", "ns1.example.net.");
        var aboveDelegation = await api.Dns.QueryAsync(outer.Fqdn("sub"), "A", transport);

        AssertNxdomain(outer, withoutDelegation);
        AssertNodata(inner, innerEmpty);
        AssertNodata(outer, aboveDelegation);
    }

    private static void AssertNodata(TestZone zone, DnsReply reply)
    {
        Assert.Equal("NOERROR", reply.Status);
        Assert.Empty(reply.Answer);
        AssertSoaOf(zone, reply);
    }

    private static void AssertNxdomain(TestZone zone, DnsReply reply)
    {
        Assert.Equal("NXDOMAIN", reply.Status);
        Assert.Empty(reply.Answer);
        AssertSoaOf(zone, reply);
    }

    private static void AssertSoaOf(TestZone zone, DnsReply reply)
    {
        var soa = Assert.Single(reply.Authority);
        Assert.Equal("SOA", soa.Type);
        // RFC 4343: names compare without regard to case (PowerDNS answers in the question's case).
        Assert.Equal(zone.Apex, soa.Name, ignoreCase: true);
    }
}
