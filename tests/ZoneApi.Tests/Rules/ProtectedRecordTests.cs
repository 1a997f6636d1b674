using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>The SOA and this server's own apex NS records are listed but never written through the API (CONTRACT A5).</summary>
public sealed class ProtectedRecordTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string ServerNs = "ns1.zoneapi.test.";

    [Fact]
    public async Task Create_Soa_Returns409ProtectedRecordAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var soa = await zone.SingleRecordAsync(zone.Apex, "SOA");
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "SOA", soa.Str("content"));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        RuleMessages.AssertNamesType(message, "SOA");
    }

    [Theory]
    [InlineData("SOA", "put-by-id")]
    [InlineData("SOA", "delete-by-id")]
    [InlineData("SOA", "put-by-name")]
    [InlineData("SOA", "delete-by-name")]
    [InlineData("NS", "put-by-id")]
    [InlineData("NS", "delete-by-id")]
    [InlineData("NS", "put-by-name")]
    [InlineData("NS", "delete-by-name")]
    [InlineData("NS", "delete-rrset-by-name")]
    [InlineData("NS", "put-by-id-unchanged")]
    [InlineData("NS", "put-by-name-unchanged")]
    [InlineData("NS", "put-by-id-new-ttl")]
    public async Task Write_ProtectedApexRecord_Returns409ProtectedRecordAndChangesNothing(string type, string operation)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == type && (type == "SOA" || r.Str("content") == ServerNs));
        var newContent = type == "SOA" ? record.Str("content") : "ns9.example.net.";
        var before = await zone.SnapshotAsync();

        var response = operation switch
        {
            "put-by-id" => await zone.PutAsync(record.Str("id"), "@", type, newContent),
            "delete-by-id" => await zone.DeleteAsync(record.Str("id")),
            "put-by-name" => await zone.PutByNameAsync(zone.Apex, type, record.Str("content"), newContent),
            "delete-by-name" => await zone.DeleteByNameAsync(zone.Apex, type, record.Str("content")),
            "delete-rrset-by-name" => await zone.DeleteByNameAsync(zone.Apex, type),
            "put-by-id-unchanged" => await zone.PutAsync(record.Str("id"), "@", type, record.Str("content")),
            "put-by-name-unchanged" => await zone.PutByNameAsync(zone.Apex, type, record.Str("content"), record.Str("content")),
            "put-by-id-new-ttl" => await zone.PutAsync(record.Str("id"), "@", type, record.Str("content"), ttl: 600),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        RuleMessages.AssertNamesType(message, type);
    }

    [Fact]
    public async Task DeleteByName_ApexNsRrsetHoldingCustomerNsToo_Returns409AndKeepsEveryNs()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "NS", "ns.other-provider.example.net.");
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync("@", "NS");

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
        var serverNs = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("content")).ToList();
        var added = await zone.AddRecordAsync("@", "NS", "ns.other-provider.example.net.");

        var updated = (await (await zone.PutAsync(added.Str("id"), "@", "NS", "ns2.other-provider.example.net."))
            .AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        var deleted = await zone.DeleteAsync(updated.Str("id"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var remaining = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("content")).ToList();
        Assert.Equal(serverNs, remaining);
        Assert.Contains(ServerNs, remaining);
    }

    [Fact]
    public async Task DeleteByName_CustomerNsValueAtApex_Returns204AndKeepsServerNs()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serverNsIds = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("id")).ToList();
        await zone.AddAsync("@", "NS", "ns.other-provider.example.net.");

        var response = await zone.DeleteByNameAsync(zone.Apex, "NS", "ns.other-provider.example.net.");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var remaining = (await zone.RecordsAsync()).Where(r => r.Str("type") == "NS").Select(r => r.Str("id")).ToList();
        Assert.Equal(serverNsIds, remaining);
    }
}
