using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>PUT and DELETE through /records/by-name/{record_name}/{record_type}, as certbot, the CLI and the SDKs call them.</summary>
public sealed class RecordByNameTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task PutByName_SingleValueWithoutContentQuery_ReplacesIt()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.9", ttl = 600 });

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal("Record updated successfully", data.Str("message"));
        var record = data.GetProperty("record");
        RecordAssert.HasRecordShape(record);
        Assert.NotEqual(old.Str("id"), record.Str("id"));
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("192.0.2.9", record.Str("content"));
        Assert.Equal(600, record.GetProperty("ttl").GetInt32());
        await (await zone.GetAsync(old.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(record.GetRawText(), Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A").GetRawText());
    }

    [Fact]
    public async Task PutByName_WithContentQuery_ReplacesOnlyThatValue()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var kept = await zone.AddRecordAsync("www", "A", "192.0.2.2");

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.3" }, oldContent: "192.0.2.1");

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal("192.0.2.3", record.Str("content"));
        Assert.Equal(kept.Str("id"), (await zone.GetRecordAsync(kept.Str("id"))).Str("id"));
        Assert.Equal(["192.0.2.2", "192.0.2.3"], (await zone.RecordsAsync()).Where(r => r.Str("type") == "A").Select(r => r.Str("content")));
    }

    [Fact]
    public async Task PutByName_ContentQueryInNonCanonicalForm_MatchesTheCanonicalValue()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("host", "AAAA", "2001:db8::1");
        await zone.AddRecordAsync("host", "AAAA", "2001:db8::2");

        var response = await zone.PutByNameAsync("host", "aaaa", new { content = "2001:db8::3" }, oldContent: "2001:DB8:0:0::1");

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal("2001:db8::3", record.Str("content"));
        Assert.Equal(["2001:db8::2", "2001:db8::3"], (await zone.RecordsAsync()).Where(r => r.Str("type") == "AAAA").Select(r => r.Str("content")));
    }

    [Fact]
    public async Task PutByName_SeveralValuesWithoutContentQuery_Returns400OnContentAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.3" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("content", error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("nothing-here", "A", null, "192.0.2.3")]
    [InlineData("www", "AAAA", null, "2001:db8::3")]
    [InlineData("www", "A", "192.0.2.99", "192.0.2.3")]
    public async Task PutByName_NoMatch_Returns404RecordNotFound(string name, string type, string? content, string newContent)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync(name, type, new { content = newContent }, content);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    /// <summary>The body is checked before anything is looked up (CONTRACT A4: input-shape rules run before any lock).</summary>
    [Fact]
    public async Task PutByName_ContentInvalidForTheTypeWhereNothingMatches_Returns400ValidationError()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "AAAA", new { content = "192.0.2.3" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["content"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("www.{zone}")]
    [InlineData("www.{zone}.")]
    [InlineData("WWW.{ZONE}.")]
    public async Task PutByName_NameAsFqdnWithOrWithoutDot_FindsTheRecord(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var recordName = name.Replace("{zone}", zone.Name).Replace("{ZONE}", zone.Name.ToUpperInvariant());

        var response = await zone.PutByNameAsync(recordName, "A", new { content = "192.0.2.2" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("192.0.2.2", record.Str("content"));
    }

    [Fact]
    public async Task PutByName_NameAndQueryPercentEncoded_AreDecoded()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "old + / & value");
        var encodedName = "%77ww%2E" + zone.Name.Replace(".", "%2E", StringComparison.Ordinal) + "%2E";

        var response = await zone.SendVerbatimAsync(HttpMethod.Put,
            $"{zone.RecordsPath}/by-name/{encodedName}/%54XT?content=old%20%2B%20%2F%20%26%20value", new { content = "new value" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
        Assert.Equal("new value", record.Str("content"));
        Assert.Equal(["new value"], (await zone.RecordsAsync()).Where(r => r.Str("type") == "TXT").Select(r => r.Str("content")));
    }

    [Fact]
    public async Task PutByName_ApexAsAt_FindsTheApexRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("@", "TXT", "v=spf1 -all");

        var response = await zone.PutByNameAsync("@", "TXT", new { content = "v=spf1 mx -all" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(zone.Apex, record.Str("name"));
        Assert.Equal("v=spf1 mx -all", record.Str("content"));
    }

    [Fact]
    public async Task PutByName_ToAnExistingSiblingValue_Returns409RecordConflict()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.2" }, oldContent: "192.0.2.1");

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "RECORD_CONFLICT");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task PutByName_OmittedTtlDisabledAndComment_Resets3600AndFalseAndKeepsTheComment()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", ttl = 600, disabled = true, comment = "edge" });

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.2" });

        var record = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        Assert.False(record.GetProperty("disabled").GetBoolean());
        Assert.True(record.TryGetProperty("comment", out var comment), $"the RRset comment was dropped: {record}");
        Assert.Equal("edge", comment.GetString());
    }

    [Theory]
    [InlineData("www.other.org.")]
    [InlineData("other.org.")]
    public async Task ByName_NameOutsideTheZone_Returns400NameOutsideZone(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var put = await zone.PutByNameAsync(name, "A", new { content = "192.0.2.2" });
        var delete = await zone.DeleteByNameAsync(name, "A");

        await put.AssertErrorAsync(HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE");
        await delete.AssertErrorAsync(HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task DeleteByName_WithoutContent_DeletesTheWholeRrsetOnly()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        var txt = await zone.AddRecordAsync("www", "TXT", "stays");
        var elsewhere = await zone.AddRecordAsync("api", "A", "192.0.2.1");

        var response = await zone.DeleteByNameAsync("www", "A");

        await RecordAssert.NoContentAsync(response);
        var records = await zone.RecordsAsync();
        Assert.DoesNotContain(records, r => r.Str("type") == "A" && r.Str("name") == zone.Fqdn("www"));
        Assert.Contains(records, r => r.Str("id") == txt.Str("id"));
        Assert.Contains(records, r => r.Str("id") == elsewhere.Str("id"));
    }

    [Fact]
    public async Task DeleteByName_WithContent_DeletesThatValueOnly()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var gone = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var kept = await zone.AddRecordAsync("www", "A", "192.0.2.2");

        var response = await zone.DeleteByNameAsync("www", "A", "192.0.2.1");

        await RecordAssert.NoContentAsync(response);
        await (await zone.GetAsync(gone.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(kept.GetRawText(), Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A").GetRawText());
    }

    [Fact]
    public async Task DeleteByName_CertbotCleanupWithFqdnWithoutDot_DeletesTheChallengeToken()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        const string token = "gfj9Xq8JlDiPkfmDO6sNR5p5aKfx2Q_T9-PwE3Xz1Ys";
        const string other = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0";
        await zone.AddRecordAsync(new { name = $"_acme-challenge.{zone.Name}", type = "TXT", content = token, ttl = 120 });
        await zone.AddRecordAsync(new { name = $"_acme-challenge.{zone.Name}", type = "TXT", content = other, ttl = 120 });

        var response = await client.DeleteAsync($"{zone.RecordsPath}/by-name/_acme-challenge.{zone.Name}/TXT?content={token}");

        await RecordAssert.NoContentAsync(response);
        var left = Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "TXT");
        Assert.Equal(other, left.Str("content"));
        Assert.Equal(zone.Fqdn("_acme-challenge"), left.Str("name"));
    }

    [Fact]
    public async Task DeleteByName_ContentWithSpacesPlusSlashAndAmpersand_MatchesItExactly()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "old + / & value");
        var kept = await zone.AddRecordAsync("www", "TXT", "old   / & value");

        var response = await zone.DeleteByNameAsync("www", "TXT", "old + / & value");

        await RecordAssert.NoContentAsync(response);
        Assert.Equal(kept.GetRawText(), Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "TXT").GetRawText());
    }

    [Fact]
    public async Task DeleteByName_ContentWithFormEncodedSpaces_IsDecodedAsSpaces()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "a b c");

        var response = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/by-name/www/TXT?content=a+b+c");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "TXT");
    }

    [Fact]
    public async Task DeleteByName_NameWithTrailingDotAndLowerCaseType_Works()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "CNAME", "example.com");

        var response = await zone.DeleteByNameAsync(zone.Fqdn("www"), "cname");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "CNAME");
    }

    [Fact]
    public async Task DeleteByName_EmptyContent_Returns400AndDeletesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await client.DeleteAsync($"{zone.RecordsPath}/by-name/www/A?content=");

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("content", error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("nothing-here", "A", null)]
    [InlineData("www", "TXT", null)]
    [InlineData("www", "A", "192.0.2.99")]
    public async Task DeleteByName_NothingMatches_Returns404RecordNotFound(string name, string type, string? content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync(name, type, content);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task DeleteByName_WildcardName_DeletesTheWildcardRrset()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("*.dev", "A", "192.0.2.1");

        var response = await zone.DeleteByNameAsync("*.dev", "A");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }
}
