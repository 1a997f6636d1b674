using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Zones;

/// <summary>
/// Ownership is decided race-free (CONTRACT A5): two customers firing creates of nested names at once never
/// both end up with zones in one branch of the tree, and every 201 is a zone that stays.
/// </summary>
public sealed class ZoneOwnershipRaceTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const int Rounds = 8;
    private const int CreatesPerRound = 50;

    // One branch of the tree: {0}, its children, grandchildren and great-grandchildren.
    private static readonly string[] Branch =
    [
        "{0}", "a.{0}", "b.{0}", "c.{0}", "x.a.{0}", "y.a.{0}", "x.b.{0}", "y.c.{0}",
        "w.x.a.{0}", "w.y.a.{0}", "w.x.b.{0}", "v.w.x.a.{0}",
    ];

    [Fact]
    public async Task Create_FiftyRacingNestedNamesByTwoCustomers_LeavesOneOwnerPerSubtree()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var random = new Random(6);

        for (var round = 0; round < Rounds; round++)
        {
            var root = TestNames.Zone("race");
            var attempts = Enumerable.Range(0, CreatesPerRound)
                .Select(i => (Client: i % 2 == 0 ? customers.A : customers.B, Name: string.Format(System.Globalization.CultureInfo.InvariantCulture, Branch[random.Next(Branch.Length)], root)))
                .ToList();

            var responses = await Task.WhenAll(attempts.Select(a => TwoCustomers.PostZoneAsync(a.Client, a.Name)));

            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                var code = (await response.JsonAsync()).GetProperty("error").Str("code");
                Assert.True(response.StatusCode == HttpStatusCode.Conflict && code is "ZONE_UNAVAILABLE" or "ZONE_EXISTS", $"{response.StatusCode} {code}");
            }

            Assert.Equal(0L, await api.ScalarAsync<long>(
                """
                SELECT count(*) FROM zones mine JOIN zones theirs
                  ON theirs.customer_id <> mine.customer_id AND (theirs.name = mine.name OR theirs.name LIKE '%.' || mine.name)
                WHERE mine.name = $1 OR mine.name LIKE '%.' || $1
                """, root));
            var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.True(created > 0, $"round {round}: no create succeeded");
            Assert.Equal(created, await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE name = $1 OR name LIKE '%.' || $1", root));
        }
    }
}
