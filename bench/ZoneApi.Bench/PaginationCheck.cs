using System.Globalization;
using System.Text.Json;

namespace ZoneApi.Bench;

/// <summary>
/// Walks every page of a zone and checks the pagination invariants before anything is timed: a fast page
/// that is wrong is no result. Throws <see cref="BenchSetupException"/> on the first violation.
/// </summary>
public sealed class PaginationCheck(HttpClient client)
{
    /// <summary>Returns a one-line summary of what was checked.</summary>
    public async Task<string> RunAsync(SeededZone zone, int limit, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        (string Name, string Type, string Content)? previous = null;
        var pages = 0;
        for (var offset = 0; ; offset += limit)
        {
            using var response = await client.GetAsync(new Uri($"/v1/zones/{zone.Id}/records?offset={offset}&limit={limit}", UriKind.Relative), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            Require(response.IsSuccessStatusCode, $"offset {offset}: HTTP {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            var data = document.RootElement.GetProperty("data");
            var pagination = data.GetProperty("pagination");
            var records = data.GetProperty("records").EnumerateArray().ToList();
            var expectedCount = Math.Clamp(zone.Total - offset, 0, limit);
            pages++;

            Require(Int(pagination, "total") == zone.Total, $"offset {offset}: total {Int(pagination, "total")}, expected {zone.Total}");
            Require(Int(pagination, "offset") == offset, $"offset {offset}: pagination.offset is {Int(pagination, "offset")}");
            Require(Int(pagination, "limit") == limit, $"offset {offset}: pagination.limit is {Int(pagination, "limit")}");
            Require(records.Count == expectedCount, $"offset {offset}: {records.Count} records, expected {expectedCount}");
            Require(Int(pagination, "count") == records.Count, $"offset {offset}: count {Int(pagination, "count")} but {records.Count} records");
            var hasMore = pagination.GetProperty("has_more").GetBoolean();
            Require(hasMore == (offset + records.Count < zone.Total), $"offset {offset}: has_more is {hasMore}");

            foreach (var record in records)
            {
                var id = record.GetProperty("id").GetString()!; // the API always sends it; a null fails the Add below
                Require(seen.Add(id), $"offset {offset}: record {id} appears on two pages");
                var key = (record.GetProperty("name").GetString()!, record.GetProperty("type").GetString()!, record.GetProperty("content").GetString()!);
                Require(previous is null || Compare(previous.Value, key) < 0, $"offset {offset}: {key} listed after {previous}");
                previous = key;
            }

            if (!hasMore)
            {
                break;
            }
        }

        Require(seen.Count == zone.Total, $"the pages hold {seen.Count} distinct records, the zone {zone.Total}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{zone.Name}: {pages} pages of {limit} hold all {zone.Total} records once each, in (name, type, content) order; total, count, offset, limit and has_more right on every page");
    }

    // The documented order is byte order (COLLATE "C"); for these ASCII names that is ordinal comparison.
    private static int Compare((string Name, string Type, string Content) a, (string Name, string Type, string Content) b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        if (byName != 0)
        {
            return byName;
        }

        var byType = string.CompareOrdinal(a.Type, b.Type);
        return byType != 0 ? byType : string.CompareOrdinal(a.Content, b.Content);
    }

    private static int Int(JsonElement element, string property) => element.GetProperty(property).GetInt32();

    private static void Require(bool condition, string violation)
    {
        if (!condition)
        {
            throw new BenchSetupException("pagination invariant broken: " + violation);
        }
    }
}
