using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// NUL and other control characters in free text: PostgreSQL refuses NUL in text, so one that got through
/// would be a 500. Every write route answers 400 naming the field, and nothing changes.
/// </summary>
public sealed class ControlCharacterTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> BadComments => new()
    {
        "\u0000",
        "before\u0000after",
        "line\nbreak",
        "carriage\rreturn",
        "tab\there",
        "\u001b[31mred",
        "delete\u007f",
        "next line\u0085",
    };

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task Create_ControlCharacterInComment_Returns400OnCommentAndStoresNothing(string comment)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.1", comment });

        await AssertRefusedOnCommentAsync(response);
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task PutById_ControlCharacterInComment_Returns400OnCommentAndChangesNothing(string comment)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "kept" });
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(record.Str("id"), new { name = "www", type = "A", content = "192.0.2.1", comment });

        await AssertRefusedOnCommentAsync(response);
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task PutByName_ControlCharacterInComment_Returns400OnCommentAndChangesNothing(string comment)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "www", type = "A", content = "192.0.2.1", comment = "kept" });
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("www", "A", new { content = "192.0.2.2", comment });

        await AssertRefusedOnCommentAsync(response);
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("TXT", "v=spf1\u0000 -all")]
    [InlineData("TXT", "\"quoted\u0000\"")]
    [InlineData("CAA", "0 issue \"letsencrypt.org\u0000\"")]
    [InlineData("CAA", "0 iodef \"mailto:a\u0000@example.com\"")]
    [InlineData("NAPTR", "100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:a\u0000@example.com!\" .")]
    [InlineData("SVCB", "1 svc.example.com. alpn=h2\u0000")]
    [InlineData("CNAME", "target\u0000.example.com.")]
    public async Task Create_NulInFreeTextContent_Returns400OnContentAndStoresNothing(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name = "www", type, content });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["content"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task Create_UnpairedSurrogateInComment_IsRefusedWithoutA500()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostJsonAsync("{\"name\":\"www\",\"type\":\"A\",\"content\":\"192.0.2.1\",\"comment\":\"half \\ud800 a pair\"}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task DeleteByName_NulInContentQuery_Returns404AndDeletesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "TXT", "value");
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync("www", "TXT", "value\u0000");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    private static async Task AssertRefusedOnCommentAsync(HttpResponseMessage response)
    {
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["comment"], error.Fields());
        Assert.Contains("control characters", error.Str("message"), StringComparison.Ordinal);
    }
}
