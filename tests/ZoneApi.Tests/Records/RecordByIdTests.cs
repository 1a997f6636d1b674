using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>GET, PUT and DELETE of one value by its content-derived id.</summary>
public sealed class RecordByIdTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Get_ExistingRecord_ReturnsItWrapped()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var created = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var response = await zone.GetAsync(created.Str("id"));

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(["record"], RecordAssert.PropertyNames(data));
        Assert.Equal(created.GetRawText(), data.GetProperty("record").GetRawText());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404RecordNotFound()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.GetAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
    }

    [Fact]
    public async Task Get_StaleIdAfterContentChange_Returns404RecordNotFound()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var updated = (await (await zone.PutAsync(old.Str("id"), new { name = "www", type = "A", content = "192.0.2.2" }))
            .AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");

        var response = await zone.GetAsync(old.Str("id"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(updated.GetRawText(), (await zone.GetRecordAsync(updated.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Put_NewContent_Returns200WithANewIdAndTheOldIdIsGone()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var response = await zone.PutAsync(old.Str("id"), new { name = zone.Fqdn("www"), type = "A", content = "192.0.2.2", ttl = 600 });

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal("Record updated successfully", data.Str("message"));
        var record = data.GetProperty("record");
        RecordAssert.HasRecordShape(record);
        Assert.NotEqual(old.Str("id"), record.Str("id"));
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("A", record.Str("type"));
        Assert.Equal("192.0.2.2", record.Str("content"));
        Assert.Equal(600, record.GetProperty("ttl").GetInt32());
        await (await zone.GetAsync(old.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await (await zone.PutAsync(old.Str("id"), new { name = "www", type = "A", content = "192.0.2.3" }))
            .AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await (await zone.DeleteAsync(old.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        var a = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A");
        Assert.Equal(record.GetRawText(), a.GetRawText());
    }

    [Theory]
    [InlineData("www")]
    [InlineData("WWW")]
    [InlineData("www.{zone}")]
    [InlineData("www.{zone}.")]
    public async Task Put_NameInAnyAcceptedForm_MatchesTheRecord(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var response = await zone.PutAsync(old.Str("id"), new { name = name.Replace("{zone}", zone.Name), type = "a", content = "192.0.2.2" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("192.0.2.2", record.Str("content"));
    }

    [Fact]
    public async Task Put_SameContentNewTtl_KeepsTheIdAndChangesTheTtl()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 300);

        var response = await zone.PutAsync(old.Str("id"), new { name = "www", type = "A", content = "192.0.2.1", ttl = 900 });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(old.Str("id"), record.Str("id"));
        Assert.Equal(900, record.GetProperty("ttl").GetInt32());
        Assert.Equal(record.GetRawText(), (await zone.GetRecordAsync(old.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Put_NewTtl_AppliesToTheWholeRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);
        var sibling = await zone.AddRecordAsync("www", "A", "192.0.2.2", ttl: 600);

        var response = await zone.PutAsync(first.Str("id"), new { name = "www", type = "A", content = "192.0.2.3", ttl = 1800 });

        await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(1800, (await zone.GetRecordAsync(sibling.Str("id"))).GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Put_OmittedTtlDisabledAndComment_Resets3600AndFalseAndKeepsTheComment()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", ttl = 600, disabled = true, comment = "edge" });

        var response = await zone.PutAsync(old.Str("id"), new { name = "www", type = "A", content = "192.0.2.2" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        Assert.False(record.GetProperty("disabled").GetBoolean());
        Assert.True(record.TryGetProperty("comment", out var comment), $"the comment was dropped: {record}");
        Assert.Equal("edge", comment.GetString());
    }

    [Fact]
    public async Task Put_EmptyComment_ClearsIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "edge" });

        var response = await zone.PutAsync(old.Str("id"), new { name = "www", type = "A", content = "192.0.2.1", comment = "" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.False(record.TryGetProperty("comment", out _));
        Assert.False((await zone.GetRecordAsync(record.Str("id"))).TryGetProperty("comment", out _));
    }

    [Fact]
    public async Task Put_MxWithSeparatePriority_ReturnsTargetAndPriority()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync(new { name = "@", type = "MX", content = "mail.example.net", priority = 10 });

        var response = await zone.PutAsync(old.Str("id"), new { name = "@", type = "MX", content = "mail.example.net", priority = 20 });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.NotEqual(old.Str("id"), record.Str("id"));
        Assert.Equal("mail.example.net.", record.Str("content"));
        Assert.Equal(20, record.GetProperty("priority").GetInt32());
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "MX");
    }

    [Theory]
    [InlineData("other", "A", "name")]
    [InlineData("www", "AAAA", "type")]
    [InlineData("www.other.{zone}", "A", "name")]
    public async Task Put_NameOrTypeOtherThanTheRecords_Returns400AndChangesNothing(string name, string type, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();
        var content = type == "AAAA" ? "2001:db8::1" : "192.0.2.2";

        var response = await zone.PutAsync(old.Str("id"), new { name = name.Replace("{zone}", zone.Name), type, content });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task Put_ContentOfAnExistingSibling_Returns409RecordConflictAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(first.Str("id"), new { name = "www", type = "A", content = "192.0.2.2" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "RECORD_CONFLICT");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task Put_NonCanonicalFormOfAnExistingSibling_Returns409RecordConflict()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "AAAA", "2001:db8::1");
        await zone.AddRecordAsync("www", "AAAA", "2001:db8::2");

        var response = await zone.PutAsync(first.Str("id"), new { name = "www", type = "AAAA", content = "2001:DB8:0:0:0:0:0:2" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "RECORD_CONFLICT");
    }

    [Fact]
    public async Task Put_OneValue_LeavesSiblingsContentAndDisabledStateAlone()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var sibling = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.2", disabled = true });

        var record = (await (await zone.PutAsync(first.Str("id"), new { name = "www", type = "A", content = "192.0.2.3", ttl = 3600 }))
            .AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");

        var kept = await zone.GetRecordAsync(sibling.Str("id"));
        Assert.Equal("192.0.2.2", kept.Str("content"));
        Assert.True(kept.GetProperty("disabled").GetBoolean());
        Assert.Equal(["192.0.2.2", "192.0.2.3"], (await zone.RecordsAsync()).Where(r => r.Str("type") == "A").Select(r => r.Str("content")));
        Assert.False(record.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Delete_ExistingRecord_Returns204EmptyThen404()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var sibling = await zone.AddRecordAsync("www", "A", "192.0.2.2");

        var response = await zone.DeleteAsync(record.Str("id"));

        await RecordAssert.NoContentAsync(response);
        Assert.True(response.Headers.Contains("X-Request-ID"));
        await (await zone.GetAsync(record.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await (await zone.DeleteAsync(record.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(sibling.GetRawText(), Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A").GetRawText());
    }

    [Fact]
    public async Task Delete_ThenCreateTheSameValue_GetsTheSameContentDerivedId()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "TXT", "hello world");
        await RecordAssert.NoContentAsync(await zone.DeleteAsync(record.Str("id")));

        var again = await zone.AddRecordAsync("www", "TXT", "hello world");

        Assert.Equal(record.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task GetAndDelete_IdWithEveryCharacterPercentEncoded_FindTheRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var encoded = string.Concat(record.Str("id").Select(c => $"%{(int)c:X2}"));

        var get = await zone.SendVerbatimAsync(HttpMethod.Get, $"{zone.RecordsPath}/{encoded}");
        var put = await zone.SendVerbatimAsync(HttpMethod.Put, $"{zone.RecordsPath}/{encoded}", new { name = "www", type = "A", content = "192.0.2.1", ttl = 900 });
        var deleted = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/{encoded}");

        Assert.Equal(record.GetRawText(), (await get.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record").GetRawText());
        Assert.Equal(900, (await put.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record").GetProperty("ttl").GetInt32());
        await RecordAssert.NoContentAsync(deleted);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }

    [Theory]
    [InlineData("opaque%2F%2Bid%3D")]
    [InlineData("old+opaque==")]
    [InlineData("%2F")]
    public async Task Get_UnknownIdWithEncodedSlashPlusOrEquals_Returns404RecordNotFound(string rawId)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var get = await zone.SendVerbatimAsync(HttpMethod.Get, $"{zone.RecordsPath}/{rawId}");
        var delete = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/{rawId}");

        await get.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await delete.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
    }
}
