using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// pagination.total of an unfiltered list is the count the database keeps on the zone row (migrations/0013). Whatever
/// writes, it must equal the records a client finds by walking the list, and deep pages must be the same slices.
/// </summary>
public sealed class RecordCountTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const int SystemRecords = 3;

    [Fact]
    public async Task Total_AfterEachKindOfWrite_EqualsTheRecordsListed()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await AssertTotalAsync(zone, SystemRecords);

        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        await AssertTotalAsync(zone, SystemRecords + 2);

        await zone.AddRecordAsync("www", "A", "192.0.2.1", ttl: 600);
        await AssertTotalAsync(zone, SystemRecords + 2);

        await zone.AddRecordAsync("alias", "CNAME", "one.example.net.");
        await zone.AddRecordAsync("alias", "CNAME", "two.example.net.");
        await AssertTotalAsync(zone, SystemRecords + 3);

        await (await zone.PutAsync(first.Str("id"), new { name = "www", type = "A", content = "192.0.2.9" })).AssertSuccessAsync(HttpStatusCode.OK);
        await (await zone.PutByNameAsync("alias", "CNAME", new { content = "three.example.net." })).AssertSuccessAsync(HttpStatusCode.OK);
        await AssertTotalAsync(zone, SystemRecords + 3);

        var refused = await zone.PostAsync("www", "CNAME", "elsewhere.example.net.");
        await refused.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        await AssertTotalAsync(zone, SystemRecords + 3);

        foreach (var value in new[] { "a", "b", "c" })
        {
            await zone.AddRecordAsync("txt", "TXT", value);
        }

        await AssertTotalAsync(zone, SystemRecords + 6);

        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteByNameAsync("txt", "TXT", "b")).StatusCode);
        await AssertTotalAsync(zone, SystemRecords + 5);

        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteByNameAsync("txt", "TXT")).StatusCode);
        await AssertTotalAsync(zone, SystemRecords + 3);

        var cname = await zone.SingleRecordAsync(zone.Fqdn("alias"), "CNAME");
        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteAsync(cname.Str("id"))).StatusCode);
        await AssertTotalAsync(zone, SystemRecords + 2);
    }

    [Fact]
    public async Task List_ZoneWith1200Records_DeepPagesAreTheSameSlicesAsAFullWalk()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var record = (i % 3) switch
            {
                0 => await zone.AddRecordAsync($"h{i / 3:D3}", "A", "192.0.2.1"),
                1 => await zone.AddRecordAsync($"h{i / 3:D3}", "TXT", $"value {i}"),
                _ => await zone.AddRecordAsync($"h{i / 3:D3}", "TXT", $"other {i}"),
            };
            ids.Add(record.Str("id"));
        });
        const int total = 1200 + SystemRecords;

        var walk = (await zone.RecordsAsync()).Select(r => r.GetRawText()).ToList();

        Assert.Equal(total, walk.Count);
        Assert.Subset(walk.Select(r => JsonDocument.Parse(r).RootElement.Str("id")).ToHashSet(), ids.ToHashSet());
        foreach (var (offset, limit) in new[] { (1, 1), (999, 7), (1000, 1000), (1150, 50), (total - 1, 50), (601, 333) })
        {
            var data = await zone.ListPageAsync($"?offset={offset}&limit={limit}");

            var page = data.GetProperty("records").EnumerateArray().Select(r => r.GetRawText()).ToList();
            Assert.Equal(walk.Skip(offset).Take(limit), page);
            var pagination = data.GetProperty("pagination");
            Assert.Equal(total, pagination.GetProperty("total").GetInt32());
            Assert.Equal(page.Count, pagination.GetProperty("count").GetInt32());
            Assert.Equal(offset + page.Count < total, pagination.GetProperty("has_more").GetBoolean());
        }

        var filtered = await zone.ListPageAsync("?type=TXT&offset=750&limit=100");
        Assert.Equal(800, filtered.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(
            walk.Where(r => JsonDocument.Parse(r).RootElement.Str("type") == "TXT").Skip(750).Take(100),
            filtered.GetProperty("records").EnumerateArray().Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task Total_AfterStatementsThatInsertAndDeleteManyRowsAtOnce_CountsEveryRow()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);

        // A set-based writer (an import, a batch, an operator's SQL): one statement, many rows, two zones.
        await api.ScalarAsync<object>(
            """
            INSERT INTO records (zone_id, id, name, type, content, ttl, created_at, updated_at)
            SELECT z.id, translate(left(encode(sha256(convert_to(z.id::text || '/' || i, 'UTF8')), 'base64'), 43), '+/', '-_'),
                   'host-' || i || '.' || z.name || '.', 'A', '192.0.2.' || (i % 250 + 1), 3600, now(), now()
            FROM zones z, generate_series(1, 1500) AS i WHERE z.id IN ($1, $2)
            """, Guid.Parse(zone.Id), Guid.Parse(other.Id));
        await api.ScalarAsync<object>(
            "DELETE FROM records WHERE zone_id IN ($1, $2) AND name LIKE 'host-1%'", Guid.Parse(zone.Id), Guid.Parse(other.Id));

        // host-1, host-10..19, host-100..199, host-1000..1500: 1 + 10 + 100 + 501 rows deleted from each zone.
        await AssertTotalAsync(zone, SystemRecords + 1500 - 612);
        await AssertTotalAsync(other, SystemRecords + 1500 - 612);
    }

    /// <summary>The unfiltered list's total is <paramref name="expected"/>, and a walk of the list finds exactly that many.</summary>
    private static async Task AssertTotalAsync(TestZone zone, int expected)
    {
        var first = await zone.ListPageAsync("?limit=1");

        var records = await zone.RecordsAsync();

        Assert.Equal(expected, first.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(expected, records.Count);
        Assert.Equal(expected, records.Select(r => r.Str("id")).Distinct().Count());
    }
}
