using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// Record ids and owner names in the path are percent-decoded exactly once: "%2500" is the three characters
/// "%00", never a NUL. An id that no record can have is 404 RECORD_NOT_FOUND on every by-id route.
/// </summary>
public sealed class PathSegmentTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> ImpossibleIds => new()
    {
        // A raw "%00" never reaches the app: Kestrel refuses a NUL in the path itself.
        "%2500",
        "abc%2500def",
        "%252F",
        "short",
        "a%20b",
        "%C3%BC",
        new string('A', 42),
        new string('A', 44),
        new string('A', 42) + "%2B",
        new string('A', 42) + "%2F",
        new string('A', 42) + "=",
        new string('A', 42) + "%2500",
        new string('A', 2000),
    };

    [Theory]
    [MemberData(nameof(ImpossibleIds))]
    public async Task ByIdRoutes_IdThatCannotExist_Return404RecordNotFoundAndChangeNothing(string rawId)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var get = await zone.SendVerbatimAsync(HttpMethod.Get, $"{zone.RecordsPath}/{rawId}");
        var put = await zone.SendVerbatimAsync(HttpMethod.Put, $"{zone.RecordsPath}/{rawId}", new { name = "www", type = "A", content = "192.0.2.2" });
        var delete = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/{rawId}");

        await get.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await put.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        await delete.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task GetById_WellFormedIdOfNoRecord_Returns404NamingTheId()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var id = new string('A', 43);

        var response = await zone.GetAsync(id);

        var error = await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Contains(id, error.Str("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2500")]
    [InlineData("www%2500")]
    [InlineData("www%252E")]
    [InlineData("www%2F")]
    [InlineData("%252F")]
    public async Task ByNameRoutes_DoublyEncodedName_Return400OnRecordNameAndChangeNothing(string rawName)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var put = await zone.SendVerbatimAsync(HttpMethod.Put, $"{zone.RecordsPath}/by-name/{rawName}/A", new { content = "192.0.2.2" });
        var delete = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/by-name/{rawName}/A");

        Assert.Equal(["record_name"], (await put.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).Fields());
        Assert.Equal(["record_name"], (await delete.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task DeleteByName_PercentEncodedUnicodeOwner_IsDecodedOnce()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("b\u00FCcher", "A", "192.0.2.1");

        var response = await zone.SendVerbatimAsync(HttpMethod.Delete, $"{zone.RecordsPath}/by-name/b%C3%BCcher/A");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }
}
