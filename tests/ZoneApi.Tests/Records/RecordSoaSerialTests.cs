using System.Globalization;
using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Every successful record change raises the SOA serial in the same transaction; a refused write does not.</summary>
public sealed class RecordSoaSerialTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task NewZone_SoaSerial_IsDateBased()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var serial = await zone.SoaSerialAsync();

        var day = DateOnly.ParseExact(serial.ToString(CultureInfo.InvariantCulture)[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(day, today.AddDays(-1), today.AddDays(1));
    }

    [Fact]
    public async Task Create_Record_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SoaSerialAsync();

        await zone.AddRecordAsync("www", "A", "192.0.2.1");

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task Create_EachOfSeveralRecords_RaisesTheSerialEveryTime()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serials = new List<long> { await zone.SoaSerialAsync() };

        foreach (var i in Enumerable.Range(1, 5))
        {
            await zone.AddRecordAsync("www", "A", $"192.0.2.{i}");
            serials.Add(await zone.SoaSerialAsync());
        }

        Assert.Equal(serials.Order(), serials);
        Assert.Equal(serials.Count, serials.Distinct().Count());
    }

    [Fact]
    public async Task Create_SameValueWithNewTtl_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);
        var before = await zone.SoaSerialAsync();

        await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 1200);

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task PutById_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SoaSerialAsync();

        await (await zone.PutAsync(record.Str("id"), new { name = "www", type = "A", content = "192.0.2.2" })).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task DeleteById_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SoaSerialAsync();

        await RecordAssert.NoContentAsync(await zone.DeleteAsync(record.Str("id")));

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task PutByName_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "one");
        var before = await zone.SoaSerialAsync();

        await (await zone.PutByNameAsync("www", "TXT", new { content = "two" })).AssertSuccessAsync(HttpStatusCode.OK);

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task DeleteByName_Rrset_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "one");
        await zone.AddRecordAsync("www", "TXT", "two");
        var before = await zone.SoaSerialAsync();

        await RecordAssert.NoContentAsync(await zone.DeleteByNameAsync("www", "TXT"));

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task DeleteByName_OneValue_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "one");
        await zone.AddRecordAsync("www", "TXT", "two");
        var before = await zone.SoaSerialAsync();

        await RecordAssert.NoContentAsync(await zone.DeleteByNameAsync("www", "TXT", "one"));

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task CreateCname_ReplacingAnother_RaisesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "CNAME", "old.example.net");
        var before = await zone.SoaSerialAsync();

        await zone.AddRecordAsync("www", "CNAME", "new.example.net");

        Assert.True(await zone.SoaSerialAsync() > before);
    }

    [Fact]
    public async Task RefusedWrites_LeaveTheSerialAndTheRecordsAsTheyWere()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var a = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);
        await zone.AddRecordAsync("www", "A", "192.0.2.2", ttl: 600);
        await zone.AddRecordAsync("alias", "CNAME", "example.com");
        var soa = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "SOA");
        var serial = await zone.SoaSerialAsync();
        var before = await zone.SnapshotAsync();

        await (await zone.PostAsync(new { name = "www", type = "CNAME", content = "example.com" })).AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        await (await zone.PostAsync(new { name = "alias", type = "TXT", content = "x" })).AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        await (await zone.PostAsync(new { name = "www", type = "A", content = "999.1.1.1", ttl = 3600 })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.3", ttl = 60 })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await zone.PostAsync(new { name = "@", type = "CNAME", content = "example.com" })).AssertErrorAsync(HttpStatusCode.BadRequest, "CNAME_AT_APEX");
        await (await zone.PostAsync(new { name = "www.other.org.", type = "A", content = "192.0.2.3" })).AssertErrorAsync(HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE");
        await (await zone.PutAsync(a.Str("id"), new { name = "www", type = "A", content = "192.0.2.2", ttl = 3600 })).AssertErrorAsync(HttpStatusCode.Conflict, "RECORD_CONFLICT");
        await (await zone.PutAsync(soa.Str("id"), new { name = "@", type = "SOA", content = soa.Str("content") })).AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        await (await zone.DeleteAsync(soa.Str("id"))).AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        await (await zone.DeleteByNameAsync("@", "NS")).AssertErrorAsync(HttpStatusCode.Conflict, "PROTECTED_RECORD");
        await (await zone.PutByNameAsync("www", "A", new { content = "192.0.2.9", ttl = 3600 })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await zone.DeleteByNameAsync("nothing", "A")).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await (await zone.PostJsonAsync("{\"name\":\"www\",")).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");

        Assert.Equal(serial, await zone.SoaSerialAsync());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task Writes_ToOneZone_DoNotChangeAnotherZonesSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);
        var before = await other.SoaSerialAsync();

        await zone.AddRecordAsync("www", "A", "192.0.2.1");

        Assert.Equal(before, await other.SoaSerialAsync());
    }
}
