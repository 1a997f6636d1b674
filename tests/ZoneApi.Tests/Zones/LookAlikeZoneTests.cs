using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Dns;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>One visible name is one zone (UTS #46): every spelling of a taken name is ZONE_EXISTS, every look-alike is refused.</summary>
public sealed class LookAlikeZoneTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> SpellingNames => [.. Spellings.All];

    [Theory]
    [MemberData(nameof(SpellingNames))]
    public async Task Create_AnotherSpellingOfAnExistingZone_Returns409ZoneExists(string spelling)
    {
        using var client = api.CreateAuthenticatedClient();
        var unicodeName = Spellings.UniqueUnicodeLabel() + ".example";
        var created = await client.PostAsJsonAsync("/v1/zones", new { name = unicodeName });
        var canonical = (await created.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone").Str("name");

        var again = await client.PostAsJsonAsync("/v1/zones", new { name = Spellings.Spell(spelling, unicodeName, canonical) });

        Assert.StartsWith("xn--", canonical, StringComparison.Ordinal);
        await again.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_EXISTS");
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name = $1", canonical));
    }

    [Theory]
    [MemberData(nameof(SpellingNames))]
    public async Task Create_AnySpellingFirst_StoresTheSameCanonicalName(string spelling)
    {
        using var client = api.CreateAuthenticatedClient();
        var label = Spellings.UniqueUnicodeLabel();
        // ICU's own punycode of the lower-case NFC label: the reference the spellings must all arrive at.
        var canonical = new IdnMapping().GetAscii(label) + ".example";

        var response = await client.PostAsJsonAsync("/v1/zones", new { name = Spellings.Spell(spelling, label + ".example", canonical) });
        var nfc = await client.PostAsJsonAsync("/v1/zones", new { name = label + ".example" });

        var zone = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        Assert.Equal(canonical, zone.Str("name"));
        await nfc.AssertErrorAsync(HttpStatusCode.Conflict, "ZONE_EXISTS");
    }

    [Theory]
    [MemberData(nameof(LookAlikeNameTests.LookAlikes), MemberType = typeof(LookAlikeNameTests))]
    public async Task Create_LookAlikeName_Returns400NamingTheProblemAndStoresNothing(string lookAlike, string input, string reason)
    {
        using var client = api.CreateAuthenticatedClient();
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM zones");
        var name = $"{TestNames.Zone()[..12]}.{input}";

        var response = await client.PostAsJsonAsync("/v1/zones", new { name });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["name"], error.Fields());
        Assert.True(error.Str("message").Contains(reason, StringComparison.Ordinal), $"{lookAlike}: {error.Str("message")}");
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM zones"));
    }
}
