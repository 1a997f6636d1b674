using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>RFC 1034 §3.6.2: the apex always holds SOA and NS, so it can never hold a CNAME; ALIAS is the way there.</summary>
public sealed class CnameAtApexTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("@")]
    [InlineData("")]
    [InlineData("{zone}")]
    [InlineData("{zone}.")]
    [InlineData("{ZONE}")]
    [InlineData("{ZONE}.")]
    public async Task Create_CnameAtApex_Returns400CnameAtApexSuggestingAliasAndChangesNothing(string nameTemplate)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var name = nameTemplate.Replace("{zone}", zone.Name, StringComparison.Ordinal)
            .Replace("{ZONE}", zone.Name.ToUpperInvariant(), StringComparison.Ordinal);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(name, "CNAME", "target.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "CNAME_AT_APEX", before);
        Assert.Contains("ALIAS", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LowerCaseCnameTypeAtApex_Returns400CnameAtApex()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "cname", "target.example.net.");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "CNAME_AT_APEX", before);
        Assert.Contains("ALIAS", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("{zone}.")]
    [InlineData("{ZONE}")]
    public async Task Create_AliasAtApex_Returns201(string nameTemplate)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var name = nameTemplate.Replace("{zone}", zone.Name, StringComparison.Ordinal)
            .Replace("{ZONE}", zone.Name.ToUpperInvariant(), StringComparison.Ordinal);

        var data = await zone.AddAsync(name, "ALIAS", "target.example.net.");

        var record = data.GetProperty("record");
        Assert.Equal(zone.Apex, record.Str("name"));
        Assert.Equal("ALIAS", record.Str("type"));
        Assert.Equal("target.example.net.", record.Str("content"));
        Assert.Equal(record.Str("id"), (await zone.SingleRecordAsync(zone.Apex, "ALIAS")).Str("id"));
    }

    [Fact]
    public async Task Create_CnameJustBelowApex_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("www", "CNAME", "target.example.net.");

        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
    }
}
