using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>RFC 1034 §3.6.2 / RFC 2181 §10.1: a CNAME is alone at its name, and a name holds at most one.</summary>
public sealed class CnameConflictTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    /// <summary>One record of every type that may not share its name with a CNAME: owner, type, content, priority.</summary>
    public static TheoryData<string, string, string, int?> OtherData => new()
    {
        { "host", "A", "192.0.2.1", null },
        { "host", "AAAA", "2001:db8::1", null },
        { "host", "TXT", "v=spf1 -all", null },
        { "host", "MX", "mail.example.net.", 10 },
        { "host", "NS", "ns1.example.net.", null },
        { "_sip._tcp", "SRV", "10 5 5060 sip.example.net.", null },
        { "host", "CAA", "0 issue \"letsencrypt.org\"", null },
        { "host", "ALIAS", "target.example.net.", null },
        { "host", "HTTPS", "1 . alpn=h2", null },
    };

    [Theory]
    [MemberData(nameof(OtherData))]
    public async Task Create_CnameWhereOtherTypeExists_Returns409NamingTheTypeAndChangesNothing(string owner, string type, string content, int? priority)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync(owner, type, content, priority);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(owner, "CNAME", "elsewhere.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, type);
    }

    [Theory]
    [MemberData(nameof(OtherData))]
    public async Task Create_OtherTypeWhereCnameExists_Returns409NamingTheCnameAndChangesNothing(string owner, string type, string content, int? priority)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync(owner, "CNAME", "elsewhere.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(owner, type, content, priority);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "CNAME");
    }

    [Fact]
    public async Task Create_CnameWhereAAndTxtExist_Returns409NamingBothTypes()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "A", "192.0.2.1");
        await zone.AddAsync("host", "A", "192.0.2.2");
        await zone.AddAsync("host", "TXT", "verification=abc123");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("host", "CNAME", "elsewhere.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "A");
        RuleMessages.AssertNamesType(message, "TXT");
    }

    [Fact]
    public async Task Create_CnameUnderAnotherSpellingOfAnOccupiedName_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "TXT", "hello");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(zone.Fqdn("HOST").ToUpperInvariant().TrimEnd('.'), "CNAME", "elsewhere.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "TXT");
    }

    [Fact]
    public async Task Create_SecondCnameAtSameName_Returns201AndReplacesTheFirst()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("host", "CNAME", "first.example.net.");

        var second = await zone.AddRecordAsync("host", "CNAME", "second.example.net.");

        Assert.Equal("second.example.net.", second.Str("content"));
        Assert.NotEqual(first.Str("id"), second.Str("id"));
        var stored = await zone.SingleRecordAsync(zone.Fqdn("host"), "CNAME");
        Assert.Equal(second.Str("id"), stored.Str("id"));
        await (await zone.GetAsync(first.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
    }

    [Fact]
    public async Task Create_SecondAliasAtSameName_Returns201AndReplacesTheFirst()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("@", "ALIAS", "first.example.net.");

        var second = await zone.AddRecordAsync("@", "ALIAS", "second.example.net.");

        var stored = await zone.SingleRecordAsync(zone.Apex, "ALIAS");
        Assert.Equal(second.Str("id"), stored.Str("id"));
        Assert.Equal("second.example.net.", stored.Str("content"));
        await (await zone.GetAsync(first.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
    }

    [Fact]
    public async Task Create_CnameAtWildcardWhereAExists_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.dev", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("*.dev", "CNAME", "elsewhere.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "A");
    }

    [Fact]
    public async Task Create_TxtAtWildcardWhereCnameExists_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("*.dev", "CNAME", "elsewhere.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("*.dev", "TXT", "hello");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "CNAME");
    }

    [Fact]
    public async Task Create_CnameAtWildcardBesideRecordsAtOtherNames_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("api.dev", "A", "192.0.2.1");
        await zone.AddAsync("dev", "TXT", "hello");

        var record = await zone.AddRecordAsync("*.dev", "CNAME", "elsewhere.example.net.");

        Assert.Equal(zone.Fqdn("*.dev"), record.Str("name"));
        await zone.AddAsync("*.dev", "CNAME", "another.example.net.");
        Assert.Equal("another.example.net.", (await zone.SingleRecordAsync(zone.Fqdn("*.dev"), "CNAME")).Str("content"));
    }

    [Fact]
    public async Task Create_CnameWhereOnlyOtherNamesHaveData_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "A", "192.0.2.1");
        await zone.AddAsync("sub.www", "TXT", "hello");

        var record = await zone.AddRecordAsync("www", "CNAME", "elsewhere.example.net.");

        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
    }
}
