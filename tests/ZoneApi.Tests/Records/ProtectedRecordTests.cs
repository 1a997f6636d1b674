using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>The SOA and the server's own apex NS records are listed but never written; other apex NS records are.</summary>
public sealed class ProtectedRecordTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task List_NewZone_HoldsTheSoaAndTheTwoSystemNsRecords()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);

        var records = await zone.ListAllAsync();

        Assert.Equal([(zone.Apex, "NS", "ns1.zoneapi.test."), (zone.Apex, "NS", "ns2.zoneapi.test."), (zone.Apex, "SOA", records[2].Str("content"))],
            records.Select(r => (r.Str("name"), r.Str("type"), r.Str("content"))));
        Assert.Matches(@"^ns1\.zoneapi\.test\. \S+\. \d{10} \d+ \d+ \d+ \d+$", records[2].Str("content"));
        Assert.All(records, RecordAssert.HasRecordShape);
        Assert.All(records, r => Assert.Equal(3600, r.GetProperty("ttl").GetInt32()));
    }

    [Fact]
    public async Task PutById_Soa_Returns409ProtectedRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var soa = await SingleAsync(zone, "SOA", null);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(soa.Str("id"), new { name = "@", type = "SOA", content = soa.Str("content"), ttl = 600 });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task DeleteById_Soa_Returns409ProtectedRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var soa = await SingleAsync(zone, "SOA", null);
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteAsync(soa.Str("id"));

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("ns1.zoneapi.test.")]
    [InlineData("ns2.zoneapi.test.")]
    public async Task PutById_SystemNs_Returns409ProtectedRecord(string nameserver)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var ns = await SingleAsync(zone, "NS", nameserver);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(ns.Str("id"), new { name = "@", type = "NS", content = "ns9.elsewhere.net" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("ns1.zoneapi.test.")]
    [InlineData("ns2.zoneapi.test.")]
    public async Task DeleteById_SystemNs_Returns409ProtectedRecord(string nameserver)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var ns = await SingleAsync(zone, "NS", nameserver);
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteAsync(ns.Str("id"));

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("soa")]
    [InlineData("SOA")]
    public async Task Create_Soa_Returns409ProtectedRecord(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "@", type, content = "ns1.zoneapi.test. hostmaster.zoneapi.test. 1 10800 3600 604800 3600" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("@")]
    [InlineData("{zone}")]
    [InlineData("{zone}.")]
    public async Task DeleteByName_ApexNsWithoutContent_Returns409ProtectedRecord(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("@", "NS", "ns.other-provider.net");
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync(name.Replace("{zone}", zone.ZoneName), "NS");

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("ns1.zoneapi.test.")]
    [InlineData("ns2.zoneapi.test")]
    public async Task DeleteByName_SystemNsValue_Returns409ProtectedRecord(string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync("@", "NS", content);

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task PutByName_SystemNsValue_Returns409ProtectedRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("@", "NS", new { content = "ns9.elsewhere.net" }, "ns1.zoneapi.test.");

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task ByName_Soa_Returns409ProtectedRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = await zone.SnapshotAsync();

        var delete = await zone.DeleteByNameAsync("@", "SOA");
        var put = await zone.PutByNameAsync("@", "SOA", new { content = "ns1.zoneapi.test. hostmaster.zoneapi.test. 1 10800 3600 604800 3600" });

        await delete.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        await put.AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task ThirdPartyApexNs_CanBeAddedAndDeletedById()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = (await zone.ListAllAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()).ToList();

        var ns = await zone.CreateAsync("@", "NS", "NS.Other-Provider.net");
        var listed = (await zone.ListAllAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("content")).ToList();
        var deleted = await zone.DeleteAsync(ns.Str("id"));

        Assert.Equal(zone.Apex, ns.Str("name"));
        Assert.Equal("ns.other-provider.net.", ns.Str("content"));
        Assert.Equal(["ns.other-provider.net.", "ns1.zoneapi.test.", "ns2.zoneapi.test."], listed);
        await RecordAssert.NoContentAsync(deleted);
        Assert.Equal(before, (await zone.ListAllAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task ThirdPartyApexNs_CanBeChangedAndDeletedByName()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        var before = (await zone.ListAllAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()).ToList();
        await zone.CreateAsync("@", "NS", "ns.other-provider.net");

        var put = await zone.PutByNameAsync("@", "NS", new { content = "ns2.other-provider.net" }, "ns.other-provider.net");
        var delete = await zone.DeleteByNameAsync(zone.Apex, "NS", "ns2.other-provider.net.");

        Assert.Equal("ns2.other-provider.net.", (await put.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record").Str("content"));
        await RecordAssert.NoContentAsync(delete);
        Assert.Equal(before, (await zone.ListAllAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task NsBelowTheApex_IsADelegationThatCanBeDeletedAsAnRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await RecordsClient.CreateZoneAsync(client);
        await zone.CreateAsync("sub", "NS", "ns1.delegated.net");
        await zone.CreateAsync("sub", "NS", "ns2.delegated.net");

        var response = await zone.DeleteByNameAsync("sub", "NS");

        await RecordAssert.NoContentAsync(response);
        Assert.Equal(2, (await zone.ListAllAsync()).Count(r => r.Str("type") == "NS"));
    }

    private static async Task<JsonElement> SingleAsync(RecordsClient zone, string type, string? content) =>
        Assert.Single(await zone.ListAllAsync(), r => r.Str("type") == type && (content is null || r.Str("content") == content));
}
