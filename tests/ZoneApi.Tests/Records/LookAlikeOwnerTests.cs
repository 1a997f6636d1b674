using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Dns;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// Owner names follow UTS #46 as zone names do: every spelling of a visible owner name is the same record
/// (the same id, an idempotent upsert), and every look-alike is refused.
/// </summary>
public sealed class LookAlikeOwnerTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> SpellingNames => [.. Spellings.All];

    [Theory]
    [MemberData(nameof(SpellingNames))]
    public async Task Create_AnotherSpellingOfAnOwner_UpsertsTheSameRecord(string spelling)
    {
        using var client = api.CreateAuthenticatedClient();
        var (zone, unicodeZone) = await CreateUnicodeZoneAsync(client);
        var first = await zone.AddRecordAsync("www." + unicodeZone, "TXT", "one value");
        var before = await zone.SoaSerialAsync();

        var again = await zone.AddRecordAsync(new
        {
            name = Spellings.Spell(spelling, "www." + unicodeZone, "www." + zone.Name),
            type = "TXT",
            content = "one value",
        });

        Assert.Equal(zone.Fqdn("www"), first.Str("name"));
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "TXT");
        Assert.Equal(before, await zone.SoaSerialAsync());
    }

    [Theory]
    [InlineData("\uFF57\uFF57\uFF57")]
    [InlineData("WWW")]
    [InlineData("\uFF37\uFF37\uFF37")]
    public async Task Create_RelativeOwnerInFullwidthOrUpperCase_IsTheSameRecord(string owner)
    {
        using var client = api.CreateAuthenticatedClient();
        var (zone, _) = await CreateUnicodeZoneAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var again = await zone.AddRecordAsync(owner, "A", "192.0.2.1");

        Assert.Equal(first.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task DeleteByName_FullwidthSpellingOfTheOwner_DeletesThatRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var (zone, _) = await CreateUnicodeZoneAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var response = await zone.DeleteByNameAsync(Spellings.Fullwidth("www"), "A");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }

    [Theory]
    [MemberData(nameof(LookAlikeNameTests.LookAlikes), MemberType = typeof(LookAlikeNameTests))]
    public async Task Create_LookAlikeOwner_Returns400NamingTheProblemAndChangesNothing(string lookAlike, string input, string reason)
    {
        using var client = api.CreateAuthenticatedClient();
        var (zone, _) = await CreateUnicodeZoneAsync(client);
        var before = await zone.SnapshotAsync();

        // The look-alike as a name below the zone: "www.<look-alike>" relative to it.
        var response = await zone.PostAsync(new { name = "www." + input, type = "A", content = "192.0.2.1" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["name"], error.Fields());
        Assert.True(error.Str("message").Contains(reason, StringComparison.Ordinal), $"{lookAlike}: {error.Str("message")}");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("w\u00ADww", "U+00AD (SOFT HYPHEN)")]
    [InlineData("ww\u200Bw", "U+200B (ZERO WIDTH SPACE)")]
    [InlineData("\uFEFFwww", "U+FEFF")]
    [InlineData("w\u200Dww", "U+200D (ZERO WIDTH JOINER)")]
    [InlineData("xn--zz", "not valid punycode")]
    public async Task PutByName_LookAlikeOwnerInThePath_Returns400AndChangesNothing(string owner, string reason)
    {
        using var client = api.CreateAuthenticatedClient();
        var (zone, _) = await CreateUnicodeZoneAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync(owner, "A", new { content = "192.0.2.2" });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["record_name"], error.Fields());
        Assert.Contains(reason, error.Str("message"), StringComparison.Ordinal);
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    /// <summary>A zone with a Unicode name; returns its client (A-label name) and the name as typed.</summary>
    private static async Task<(TestZone Zone, string UnicodeName)> CreateUnicodeZoneAsync(HttpClient client)
    {
        var unicodeName = Spellings.UniqueUnicodeLabel() + ".example";
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = unicodeName });
        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        return (TestZone.Open(client, zone), unicodeName);
    }
}
