using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Create semantics: idempotent values, RRset-wide TTL and comment, a CNAME (or ALIAS) replacing the one before.</summary>
public sealed class RecordUpsertTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_SameValueTwice_Returns201BothTimesWithOneRowAndTheNewTtl()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);

        var response = await zone.PostAsync(new { name = zone.Fqdn("www"), type = "a", content = "192.0.2.1", ttl = 1200 });

        var data = await response.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.Equal("Record created successfully", data.Str("message"));
        var second = data.GetProperty("record");
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal(1200, second.GetProperty("ttl").GetInt32());
        var listed = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A");
        Assert.Equal(second.GetRawText(), listed.GetRawText());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM records WHERE zone_id = $1 AND type = 'A'", Guid.Parse(zone.Id)));
    }

    [Fact]
    public async Task Create_SameValueInAnotherSpelling_IsTheSameRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("host", "AAAA", "2001:db8::1");

        var second = await zone.AddRecordAsync("HOST", "aaaa", "2001:DB8:0:0:0:0:0:1");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "AAAA");
    }

    [Fact]
    public async Task Create_SameValueWithDisabledAndComment_UpdatesThemInPlace()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "TXT", "hello");

        var second = await zone.AddRecordAsync(new { name = "www", type = "TXT", content = "hello", disabled = true, comment = "paused" });

        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.True(second.GetProperty("disabled").GetBoolean());
        Assert.Equal("paused", second.Str("comment"));
        Assert.Equal(second.GetRawText(), (await zone.GetRecordAsync(first.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Create_MxInBothInputForms_IsOneRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync(new { name = "@", type = "MX", content = "mail.example.net", priority = 10 });

        var second = await zone.AddRecordAsync(new { name = "@", type = "MX", content = "10 mail.example.net." });

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal("mail.example.net.", second.Str("content"));
        Assert.Equal(10, second.GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task Create_SiblingWithAnotherTtl_ChangesTheTtlOfTheWholeRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);
        var other = await zone.AddRecordAsync("www", "TXT", "unrelated", ttl: 900);

        var second = await zone.AddRecordAsync("www", "A", "192.0.2.2", ttl: 1200);

        Assert.Equal(1200, second.GetProperty("ttl").GetInt32());
        Assert.Equal(1200, (await zone.GetRecordAsync(first.Str("id"))).GetProperty("ttl").GetInt32());
        Assert.Equal(900, (await zone.GetRecordAsync(other.Str("id"))).GetProperty("ttl").GetInt32());
        Assert.All((await zone.RecordsAsync()).Where(r => r.Str("type") == "A"), r => Assert.Equal(1200, r.GetProperty("ttl").GetInt32()));
    }

    [Fact]
    public async Task Create_SiblingWithoutTtl_SetsTheRrsetTo3600()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);

        await zone.AddRecordAsync("www", "A", "192.0.2.2");

        Assert.Equal(3600, (await zone.GetRecordAsync(first.Str("id"))).GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Create_TtlZero_MeansTheDefault3600()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 0);

        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
    }

    [Theory]
    [InlineData(120)]
    [InlineData(86400)]
    public async Task Create_TtlAtTheBounds_IsAccepted(int ttl)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: ttl);

        Assert.Equal(ttl, record.GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Create_CommentOnOneValue_SetsItOnTheRrsetAndNullKeepsIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "first" });

        var second = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.2", comment = (string?)null });
        var third = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.3" });

        Assert.Equal("first", first.Str("comment"));
        Assert.True(second.TryGetProperty("comment", out var secondComment), $"the RRset comment is missing on the new value: {second}");
        Assert.Equal("first", secondComment.GetString());
        Assert.Equal("first", third.Str("comment"));
        Assert.All((await zone.RecordsAsync()).Where(r => r.Str("type") == "A"), r => Assert.Equal("first", r.Str("comment")));
    }

    [Fact]
    public async Task Create_NewCommentOnASibling_ReplacesTheRrsetComment()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "first" });

        await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.2", comment = "second" });

        Assert.Equal("second", (await zone.GetRecordAsync(first.Str("id"))).Str("comment"));
    }

    [Fact]
    public async Task Create_EmptyComment_ClearsTheRrsetCommentAndOmitsTheField()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "first" });

        var second = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.2", comment = "" });

        Assert.False(second.TryGetProperty("comment", out _));
        var reread = await zone.GetRecordAsync(first.Str("id"));
        Assert.False(reread.TryGetProperty("comment", out _));
        RecordAssert.HasRecordShape(reread);
    }

    [Fact]
    public async Task Create_CommentOf500Characters_IsStoredWhole()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var comment = new string('c', 500);

        var record = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment });

        Assert.Equal(comment, record.Str("comment"));
        Assert.Equal(["id", "name", "type", "content", "ttl", "disabled", "comment"], RecordAssert.PropertyNames(record));
    }

    [Fact]
    public async Task Create_CnameWhereACnameExists_ReplacesIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "CNAME", "old.example.net");

        var response = await zone.PostAsync(new { name = "www", type = "CNAME", content = "new.example.net" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");
        Assert.NotEqual(old.Str("id"), record.Str("id"));
        Assert.Equal("new.example.net.", record.Str("content"));
        await (await zone.GetAsync(old.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        var cname = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "CNAME");
        Assert.Equal(record.GetRawText(), cname.GetRawText());
    }

    [Fact]
    public async Task Delete_StaleCnameIdAfterReplacement_Returns404AndKeepsTheReplacement()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "CNAME", "old.example.net");
        var replacement = await zone.AddRecordAsync("www", "CNAME", "new.example.net");

        var response = await zone.DeleteAsync(old.Str("id"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(replacement.GetRawText(), (await zone.GetRecordAsync(replacement.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task Create_AliasWhereAnAliasExists_ReplacesIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("@", "ALIAS", "old-lb.example.net");

        var record = await zone.AddRecordAsync("@", "ALIAS", "new-lb.example.net");

        Assert.NotEqual(old.Str("id"), record.Str("id"));
        await (await zone.GetAsync(old.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        var alias = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "ALIAS");
        Assert.Equal(record.GetRawText(), alias.GetRawText());
    }

    [Fact]
    public async Task Create_Disabled_ReturnsDisabledTrue()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", disabled = true });

        Assert.True(record.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Create_PriorityOnATypeWithoutOne_IsIgnoredAndOmitted()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", priority = 0, comment = (string?)null });

        Assert.Equal(["id", "name", "type", "content", "ttl", "disabled"], RecordAssert.PropertyNames(record));
    }
}
