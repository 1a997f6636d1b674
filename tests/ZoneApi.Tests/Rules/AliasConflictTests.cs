using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>An ALIAS answers A and AAAA queries itself, so it cannot share its name with A or AAAA records.</summary>
public sealed class AliasConflictTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("@", "A", "192.0.2.1")]
    [InlineData("@", "AAAA", "2001:db8::1")]
    [InlineData("host", "A", "192.0.2.1")]
    [InlineData("host", "AAAA", "2001:db8::1")]
    public async Task Create_AliasWhereAddressExists_Returns409NamingTheTypeAndChangesNothing(string owner, string type, string address)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync(owner, type, address);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(owner, "ALIAS", "target.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "ALIAS_CONFLICT", before);
        RuleMessages.AssertNamesType(message, type);
    }

    [Theory]
    [InlineData("@", "A", "192.0.2.1")]
    [InlineData("@", "AAAA", "2001:db8::1")]
    [InlineData("host", "A", "192.0.2.1")]
    [InlineData("host", "AAAA", "2001:db8::1")]
    public async Task Create_AddressWhereAliasExists_Returns409NamingTheAliasAndChangesNothing(string owner, string type, string address)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync(owner, "ALIAS", "target.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(owner, type, address);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "ALIAS_CONFLICT", before);
        RuleMessages.AssertNamesType(message, "ALIAS");
    }

    [Theory]
    [InlineData("TXT", "v=spf1 -all", null)]
    [InlineData("MX", "mail.example.net.", 10)]
    [InlineData("CAA", "0 issue \"letsencrypt.org\"", null)]
    public async Task Create_AliasBesideOtherData_Returns201(string type, string content, int? priority)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", type, content, priority);

        var record = await zone.AddRecordAsync("@", "ALIAS", "target.example.net.");

        Assert.Equal(zone.Apex, record.Str("name"));
        Assert.Single(await zone.RecordsAsync(), r => r.Str("name") == zone.Apex && r.Str("type") == type);
    }

    [Theory]
    [InlineData("TXT", "v=spf1 -all", null)]
    [InlineData("MX", "mail.example.net.", 10)]
    public async Task Create_OtherDataBesideAlias_Returns201(string type, string content, int? priority)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "ALIAS", "target.example.net.");

        var record = await zone.AddRecordAsync("host", type, content, priority);

        Assert.Equal(zone.Fqdn("host"), record.Str("name"));
        Assert.Single(await zone.RecordsAsync(), r => r.Str("name") == zone.Fqdn("host") && r.Str("type") == "ALIAS");
    }

    [Fact]
    public async Task Create_AddressAtAnotherNameThanTheAlias_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "ALIAS", "target.example.net.");

        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
    }
}
