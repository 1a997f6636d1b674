using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Records;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// The SOA and this server's own apex NS records are listed but never written through the API (CONTRACT A5);
/// other NS records, at the apex or below it, are the customer's.
/// </summary>
public sealed class ProtectedRecordTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Ns1 = "ns1.zoneapi.test.";
    private const string Ns2 = "ns2.zoneapi.test.";

    [Fact]
    public async Task List_NewZone_HoldsTheSoaAndTheTwoSystemNsRecords()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var records = await zone.RecordsAsync();

        Assert.Equal([(zone.Apex, "NS", Ns1), (zone.Apex, "NS", Ns2), (zone.Apex, "SOA", records[2].Str("content"))],
            records.Select(r => (r.Str("name"), r.Str("type"), r.Str("content"))));
        Assert.Matches(@"^ns1\.zoneapi\.test\. \S+\. \d{10} \d+ \d+ \d+ \d+$", records[2].Str("content"));
        Assert.All(records, RecordAssert.HasRecordShape);
        Assert.All(records, r => Assert.Equal(3600, r.GetProperty("ttl").GetInt32()));
    }

    [Theory]
    [InlineData("SOA")]
    [InlineData("soa")]
    public async Task Create_Soa_Returns409ProtectedRecordAndChangesNothing(string type)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var soa = await zone.SingleRecordAsync(zone.Apex, "SOA");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", type, soa.Str("content"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        RuleMessages.AssertNamesType(message, "SOA");
    }

    /// <param name="protectedRecord">SOA, or the content of one of the server's apex NS records.</param>
    /// <param name="operation">The write tried on it.</param>
    [Theory]
    [InlineData("SOA", "put-by-id")]
    [InlineData("SOA", "put-by-id-new-ttl")]
    [InlineData("SOA", "delete-by-id")]
    [InlineData("SOA", "put-by-name")]
    [InlineData("SOA", "put-rrset-by-name")]
    [InlineData("SOA", "delete-by-name")]
    [InlineData("SOA", "delete-rrset-by-name")]
    [InlineData(Ns1, "put-by-id")]
    [InlineData(Ns2, "put-by-id")]
    [InlineData(Ns1, "delete-by-id")]
    [InlineData(Ns2, "delete-by-id")]
    [InlineData(Ns1, "put-by-name")]
    [InlineData(Ns1, "delete-by-name")]
    [InlineData(Ns2, "delete-by-name-without-dot")]
    [InlineData(Ns1, "delete-rrset-by-name")]
    [InlineData(Ns1, "put-by-id-unchanged")]
    [InlineData(Ns1, "put-by-name-unchanged")]
    [InlineData(Ns1, "put-by-id-new-ttl")]
    public async Task Write_ProtectedApexRecord_Returns409ProtectedRecordAndChangesNothing(string protectedRecord, string operation)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var type = protectedRecord == "SOA" ? "SOA" : "NS";
        var record = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == type && (type == "SOA" || r.Str("content") == protectedRecord));
        var content = record.Str("content");
        var newContent = type == "SOA" ? content : "ns9.example.net.";
        var before = await zone.SnapshotAsync();

        var response = operation switch
        {
            "put-by-id" => await zone.PutAsync(record.Str("id"), "@", type, newContent),
            "put-by-id-new-ttl" => await zone.PutAsync(record.Str("id"), "@", type, content, ttl: 600),
            "put-by-id-unchanged" => await zone.PutAsync(record.Str("id"), "@", type, content),
            "delete-by-id" => await zone.DeleteAsync(record.Str("id")),
            "put-by-name" => await zone.PutByNameAsync(zone.Apex, type, content, newContent),
            "put-rrset-by-name" => await zone.PutByNameAsync("@", type, null, newContent),
            "put-by-name-unchanged" => await zone.PutByNameAsync(zone.Apex, type, content, content),
            "delete-by-name" => await zone.DeleteByNameAsync(zone.Apex, type, content),
            "delete-by-name-without-dot" => await zone.DeleteByNameAsync("@", type, content.TrimEnd('.')),
            "delete-rrset-by-name" => await zone.DeleteByNameAsync(zone.Apex, type),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        RuleMessages.AssertNamesType(message, type);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("{zone}")]
    [InlineData("{zone}.")]
    public async Task DeleteByName_ApexNsRrsetHoldingCustomerNsToo_Returns409AndKeepsEveryNs(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "NS", "ns.other-provider.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync(name.Replace("{zone}", zone.Name), "NS");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        RuleMessages.AssertNamesType(message, "NS");
    }

    [Fact]
    public async Task Update_SoaWithChangedSerial_Returns409ProtectedRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var soa = await zone.SingleRecordAsync(zone.Apex, "SOA");
        var fields = soa.Str("content").Split(' ');
        fields[2] = "2099123199";
        var before = await zone.SnapshotAsync();

        var response = await client.PutAsJsonAsync($"{zone.RecordsPath}/{soa.Str("id")}", new { name = zone.Apex, type = "SOA", content = string.Join(' ', fields) });

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
    }

    [Fact]
    public async Task CreateUpdateDelete_CustomerNsAtApex_AllSucceedAndServerNsStay()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serverNs = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()).ToList();

        var added = await zone.AddRecordAsync("@", "NS", "NS.Other-Provider.example.net");
        var listed = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("content")).ToList();
        var updated = (await (await zone.PutAsync(added.Str("id"), "@", "NS", "ns2.other-provider.example.net."))
            .AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        var deleted = await zone.DeleteAsync(updated.Str("id"));

        Assert.Equal(zone.Apex, added.Str("name"));
        Assert.Equal("ns.other-provider.example.net.", added.Str("content"));
        Assert.Equal(["ns.other-provider.example.net.", Ns1, Ns2], listed);
        await RecordAssert.NoContentAsync(deleted);
        Assert.Equal(serverNs, (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task PutAndDeleteByName_CustomerNsValueAtApex_SucceedAndKeepServerNs()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serverNs = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()).ToList();
        await zone.AddAsync("@", "NS", "ns.other-provider.example.net.");

        var put = await zone.PutByNameAsync("@", "NS", "ns.other-provider.example.net", "ns2.other-provider.example.net");
        var delete = await zone.DeleteByNameAsync(zone.Apex, "NS", "ns2.other-provider.example.net.");

        Assert.Equal("ns2.other-provider.example.net.", (await put.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record").Str("content"));
        await RecordAssert.NoContentAsync(delete);
        Assert.Equal(serverNs, (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task DeleteByName_NsBelowTheApex_IsADelegationThatCanBeDeletedAsAnRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("sub", "NS", "ns1.delegated.net");
        await zone.AddAsync("sub", "NS", "ns2.delegated.net");

        var response = await zone.DeleteByNameAsync("sub", "NS");

        await RecordAssert.NoContentAsync(response);
        Assert.Equal(2, (await zone.RecordsAsync()).Count(r => r.Str("type") == "NS"));
    }
}
