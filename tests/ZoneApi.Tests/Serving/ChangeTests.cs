using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// PowerDNS reads the database on every question (deploy/pdns/pdns.conf turns its caches off): a change is answered as
/// soon as the API has returned 2xx, disabled values and paused zones are not served, and the SOA serial moves with
/// every change.
/// </summary>
public sealed class ChangeTests(ServingApiFactory api) : IClassFixture<ServingApiFactory>
{
    public static TheoryData<DnsTransport> Transports => [DnsTransport.Udp, DnsTransport.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_RightAfterCreateUpdateAndDelete_AnswersEachNewState(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "fresh");
        var www = zone.Fqdn("www");
        var missing = await api.Dns.QueryAsync(www, "A", transport);

        var created = await zone.AddRecordAsync("www", "A", "192.0.2.20");
        var afterCreate = await api.Dns.QueryAsync(www, "A", transport);
        (await zone.PutAsync(created.Str("id"), "www", "A", "192.0.2.21", ttl: 300)).EnsureSuccessStatusCode();
        var afterUpdate = await api.Dns.QueryAsync(www, "A", transport);
        (await zone.DeleteByNameAsync("www", "A")).EnsureSuccessStatusCode();
        var afterDelete = await api.Dns.QueryAsync(www, "A", transport);

        Assert.Equal("NXDOMAIN", missing.Status);
        Assert.Equal([new ResourceRecord(www, 3600, "A", "192.0.2.20")], afterCreate.Answer);
        Assert.Equal([new ResourceRecord(www, 300, "A", "192.0.2.21")], afterUpdate.Answer);
        Assert.Equal("NXDOMAIN", afterDelete.Status);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_RrsetWithDisabledValue_AnswersOnlyEnabledValuesAndNxdomainWhenAllAreDisabled(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "off");
        await zone.AddAsync("www", "A", "192.0.2.30");
        (await zone.PostAsync("www", "A", "192.0.2.31", disabled: true)).EnsureSuccessStatusCode();
        (await zone.PostAsync("old", "A", "192.0.2.32", disabled: true)).EnsureSuccessStatusCode();

        var partly = await api.Dns.QueryAsync(zone.Fqdn("www"), "A", transport);
        var wholly = await api.Dns.QueryAsync(zone.Fqdn("old"), "A", transport);

        Assert.Equal(["192.0.2.30"], partly.Data("A"));
        Assert.Equal("NXDOMAIN", wholly.Status);
        Assert.Empty(wholly.Answer);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_PausedZone_IsRefusedUntilTheZoneIsActiveAgain(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "pause");
        await zone.AddAsync("www", "A", "192.0.2.40");

        await zone.SetStatusAsync("paused");
        var paused = await api.Dns.QueryAsync(zone.Fqdn("www"), "A", transport);
        var pausedSoa = await api.Dns.QueryAsync(zone.Apex, "SOA", transport);
        await zone.SetStatusAsync("active");
        var active = await api.Dns.QueryAsync(zone.Fqdn("www"), "A", transport);

        Assert.Equal("REFUSED", paused.Status);
        Assert.Empty(paused.Answer);
        Assert.False(paused.IsAuthoritative);
        Assert.Equal("REFUSED", pausedSoa.Status);
        Assert.Equal(["192.0.2.40"], active.Data("A"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_Soa_CarriesTheApiSerialWhichRisesWithEveryChange(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "serial");
        var serials = new List<(long Api, long Dns)>();

        async Task RecordSerialsAsync() =>
            serials.Add((TestZone.SerialOf(await zone.SnapshotAsync()), SerialOf(await api.Dns.QueryAsync(zone.Apex, "SOA", transport))));

        await RecordSerialsAsync();
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.50");
        await RecordSerialsAsync();
        (await zone.PutAsync(record.Str("id"), "www", "A", "192.0.2.51")).EnsureSuccessStatusCode();
        await RecordSerialsAsync();
        (await zone.DeleteByNameAsync("www", "A")).EnsureSuccessStatusCode();
        await RecordSerialsAsync();

        Assert.All(serials, s => Assert.Equal(s.Api, s.Dns));
        Assert.Equal(serials.Select(s => s.Dns).Order(), serials.Select(s => s.Dns));
        Assert.Equal(serials.Count, serials.Select(s => s.Dns).Distinct().Count());
    }

    // A customer may nest its own zones; PowerDNS answers each name from the closest enclosing zone.
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_NameInNestedZone_IsAnsweredByTheInnerZone(DnsTransport transport)
    {
        using var client = api.CreateAuthenticatedClient();
        var outer = await TestZone.CreateAsync(client, "outer");
        var innerResponse = await client.PostAsJsonAsync("/v1/zones", new { name = "dev." + outer.Name });
        var inner = TestZone.Open(client, (await innerResponse.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone"));
        await outer.AddAsync("www", "A", "192.0.2.60");
        await inner.AddAsync("www", "A", "192.0.2.61");

        var outerAnswer = await api.Dns.QueryAsync(outer.Fqdn("www"), "A", transport);
        var innerAnswer = await api.Dns.QueryAsync(inner.Fqdn("www"), "A", transport);
        var innerNegative = await api.Dns.QueryAsync(inner.Fqdn("nothing"), "A", transport);

        Assert.Equal(["192.0.2.60"], outerAnswer.Data("A"));
        Assert.Equal(["192.0.2.61"], innerAnswer.Data("A"));
        Assert.Equal("NXDOMAIN", innerNegative.Status);
        Assert.Equal(inner.Apex, Assert.Single(innerNegative.Authority).Name);
    }

    private static long SerialOf(DnsReply reply) =>
        long.Parse(Assert.Single(reply.Answer, r => r.Type == "SOA").Data.Split(' ')[2], CultureInfo.InvariantCulture);
}
