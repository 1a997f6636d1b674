using System.Net;
using System.Security.Cryptography;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Values far longer than a btree index entry may be (about 2.7 kB) are stored, listed and found.</summary>
public sealed class LongContentTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_IncompressibleTxtAndTlsaOfThousandsOfOctets_AreStoredAndListedInOrder()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        // Random text does not compress, so PostgreSQL cannot squeeze it into an index entry either.
        var txtA = "a" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(2900));
        var txtB = "b" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(2900));
        var tlsa = "3 0 0 " + Convert.ToHexString(RandomNumberGenerator.GetBytes(1900)).ToLowerInvariant();

        var created = new[]
        {
            await zone.PostAsync(new { name = "big", type = "TXT", content = txtB }),
            await zone.PostAsync(new { name = "big", type = "TXT", content = txtA }),
            await zone.PostAsync(new { name = "_443._tcp", type = "TLSA", content = tlsa }),
        };

        Assert.All(created, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var data = await (await client.GetAsync($"{zone.RecordsPath}?name=big&type=TXT")).AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal([txtA, txtB], data.GetProperty("records").EnumerateArray().Select(r => r.Str("content")));
        var tlsaList = await (await client.GetAsync($"{zone.RecordsPath}?type=TLSA")).AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(tlsa, tlsaList.GetProperty("records")[0].Str("content"));
    }
}
