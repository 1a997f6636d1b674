using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Paging and filtering the records list with the invariants DNScale's clients check (CONTRACT A1, B7.1).</summary>
public sealed class RecordPaginationTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const int Created = 5000;
    private const int SystemRecords = 3;

    [Fact]
    public async Task List_ZoneWith5000Records_PagesConsistentlyAtEveryLimit()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Created), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var name = $"h{i / 4:D4}";
            var record = (i % 4) switch
            {
                0 => await zone.AddRecordAsync(name, "A", "192.0.2.1"),
                1 => await zone.AddRecordAsync(name, "A", $"198.51.100.{i % 250}"),
                2 => await zone.AddRecordAsync(name, "AAAA", $"2001:db8::{i:x}"),
                _ => await zone.AddRecordAsync(name, "TXT", $"value {i}"),
            };
            ids.Add(record.Str("id"));
        });
        const int total = Created + SystemRecords;

        var byThousand = await PageThroughAsync(zone, 1000, total);
        var by333 = await PageThroughAsync(zone, 333, total);

        Assert.Equal(Created, ids.Distinct().Count());
        Assert.Equal(byThousand.Select(r => r.GetRawText()), by333.Select(r => r.GetRawText()));
        Assert.Subset(byThousand.Select(r => r.Str("id")).ToHashSet(), ids.ToHashSet());
        Assert.All(byThousand.Where(r => r.Str("name") != zone.Apex).GroupBy(r => r.Str("name")), g => Assert.Equal(4, g.Count()));

        var first = await zone.ListPageAsync();
        AssertPage(first, offset: 0, limit: 50, total, count: 50);
        Assert.Equal(byThousand.Take(50).Select(r => r.GetRawText()), first.GetProperty("records").EnumerateArray().Select(r => r.GetRawText()));

        var clamped = await zone.ListPageAsync("?limit=5000");
        AssertPage(clamped, offset: 0, limit: 1000, total, count: 1000);

        var tail = await zone.ListPageAsync("?offset=4990&limit=1000");
        AssertPage(tail, offset: 4990, limit: 1000, total, count: total - 4990);
        Assert.Equal(byThousand.Skip(4990).Select(r => r.GetRawText()), tail.GetProperty("records").EnumerateArray().Select(r => r.GetRawText()));

        foreach (var offset in new[] { total, total + 1, 100_000 })
        {
            var past = await zone.ListPageAsync($"?offset={offset}&limit=333");
            AssertPage(past, offset, limit: 333, total, count: 0);
        }

        var filtered = await zone.ListPageAsync("?type=aaaa&limit=1000");
        AssertPage(filtered, offset: 0, limit: 1000, total: Created / 4, count: 1000);
        Assert.All(filtered.GetProperty("records").EnumerateArray(), r => Assert.Equal("AAAA", r.Str("type")));
    }

    [Theory]
    [InlineData("", 50)]
    [InlineData("?limit=1", 1)]
    [InlineData("?limit=1000", 1000)]
    [InlineData("?limit=1001", 1000)]
    [InlineData("?limit=5000", 1000)]
    [InlineData("?limit=2147483647", 1000)]
    public async Task List_Limit_DefaultsTo50AndClampsAt1000(string query, int effective)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await zone.ListPageAsync(query);

        AssertPage(data, offset: 0, limit: effective, total: SystemRecords, count: Math.Min(effective, SystemRecords));
    }

    [Fact]
    public async Task List_OffsetPastTheEnd_ReturnsAnEmptyArrayNotNull()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await zone.ListPageAsync("?offset=50");

        Assert.Equal(JsonValueKind.Array, data.GetProperty("records").ValueKind);
        AssertPage(data, offset: 50, limit: 50, total: SystemRecords, count: 0);
    }

    [Fact]
    public async Task List_SmallZone_PagesOneRecordAtATimeInOrder()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("b", "TXT", "z");
        await zone.AddRecordAsync("b", "TXT", "a");
        await zone.AddRecordAsync("b", "A", "192.0.2.1");
        await zone.AddRecordAsync("a", "MX", "10 mail.example.net");
        await zone.AddRecordAsync("_a", "TXT", "x");

        var records = await PageThroughAsync(zone, 1, 8);

        Assert.Equal(
            [(zone.Fqdn("_a"), "TXT"), (zone.Fqdn("a"), "MX"), (zone.Fqdn("b"), "A"), (zone.Fqdn("b"), "TXT"), (zone.Fqdn("b"), "TXT"),
             (zone.Apex, "NS"), (zone.Apex, "NS"), (zone.Apex, "SOA")],
            records.Select(r => (r.Str("name"), r.Str("type"))));
        Assert.Equal(["a", "z"], records.Where(r => r.Str("type") == "TXT" && r.Str("name") == zone.Fqdn("b")).Select(r => r.Str("content")));
    }

    [Theory]
    [InlineData("?name=www", 3)]
    [InlineData("?name=WWW", 3)]
    [InlineData("?name=www.{zone}", 3)]
    [InlineData("?name=www.{zone}.", 3)]
    [InlineData("?type=a", 4)]
    [InlineData("?type=A&limit=1", 4)]
    [InlineData("?name=www&type=A", 2)]
    [InlineData("?name=www&type=txt", 1)]
    [InlineData("?name=%2A.dev", 1)]
    [InlineData("?name=@", 4)]
    [InlineData("?name={zone}.&type=NS", 2)]
    [InlineData("?type=SOA", 1)]
    [InlineData("?type=CNAME", 0)]
    [InlineData("?name=nothing-here", 0)]
    public async Task List_NameAndTypeFilters_ReturnOnlyMatchesWithTheFilteredTotal(string query, int total)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        await zone.AddRecordAsync("www", "TXT", "hello");
        await zone.AddRecordAsync("api", "A", "192.0.2.3");
        await zone.AddRecordAsync("*.dev", "A", "192.0.2.4");
        await zone.AddRecordAsync("@", "MX", "10 mail.example.net");
        var all = await zone.RecordsAsync();

        var data = await zone.ListPageAsync(query.Replace("{zone}", zone.Name));

        var page = data.GetProperty("pagination");
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        var records = data.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(records.Count, page.GetProperty("count").GetInt32());
        Assert.Equal(records.Count < total, page.GetProperty("has_more").GetBoolean());
        var expected = all.Where(r => Matches(r, zone, query)).Take(page.GetProperty("limit").GetInt32()).Select(r => r.GetRawText());
        Assert.Equal(expected, records.Select(r => r.GetRawText()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=x", "offset")]
    [InlineData("offset=99999999999999", "offset")]
    [InlineData("type=FOO", "type")]
    [InlineData("type=A%20OR%201%3D1", "type")]
    public async Task List_BadPagingOrTypeFilter_Returns400ValidationError(string query, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.GetAsync($"{zone.RecordsPath}?{query}");

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, error.Fields());
    }

    [Theory]
    [InlineData("exa%20mple")]
    [InlineData("a..b")]
    [InlineData("www.other.org.")]
    public async Task List_BadNameFilter_Returns400(string name)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.GetAsync($"{zone.RecordsPath}?name={name}");

        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {json}");
        Assert.Equal("error", json.Str("status"));
    }

    private static bool Matches(JsonElement record, TestZone zone, string query)
    {
        var parameters = query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        if (parameters.TryGetValue("type", out var type) && !string.Equals(record.Str("type"), type, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!parameters.TryGetValue("name", out var name))
        {
            return true;
        }

        name = Uri.UnescapeDataString(name).Replace("{zone}", zone.Name).ToLowerInvariant().TrimEnd('.');
        var absolute = name == "@" ? zone.Apex
            : name == zone.Name || name.EndsWith("." + zone.Name, StringComparison.Ordinal) ? name + "."
            : zone.Fqdn(name);
        return record.Str("name") == absolute;
    }

    /// <summary>Pages through the whole list checking every invariant of CONTRACT B7.1 on every page.</summary>
    private static async Task<List<JsonElement>> PageThroughAsync(TestZone zone, int limit, int total)
    {
        var all = new List<JsonElement>();
        for (var offset = 0; ;)
        {
            var data = await zone.ListPageAsync($"?offset={offset}&limit={limit}");
            var count = data.GetProperty("records").GetArrayLength();
            AssertPage(data, offset, limit, total, count);
            Assert.True(count > 0 || offset >= total, $"an empty page at offset {offset} of {total}");
            all.AddRange(data.GetProperty("records").EnumerateArray());
            if (!data.GetProperty("pagination").GetProperty("has_more").GetBoolean())
            {
                break;
            }

            offset += count;
        }

        Assert.Equal(total, all.Count);
        Assert.All(all, r => Assert.False(string.IsNullOrEmpty(r.Str("id"))));
        Assert.Equal(total, all.Select(r => r.Str("id")).Distinct().Count());
        var keys = all.Select(r => (r.Str("name"), r.Str("type"), r.Str("content"))).ToList();
        Assert.Equal(
            keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3, StringComparer.Ordinal),
            keys);
        return all;
    }

    private static void AssertPage(JsonElement data, int offset, int limit, int total, int count)
    {
        Assert.Equal(["records", "pagination"], RecordAssert.PropertyNames(data));
        Assert.Equal(JsonValueKind.Array, data.GetProperty("records").ValueKind);
        var page = data.GetProperty("pagination");
        Assert.Equal(["count", "has_more", "limit", "offset", "total"], RecordAssert.PropertyNames(page).Order(StringComparer.Ordinal));
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        Assert.Equal(offset, page.GetProperty("offset").GetInt32());
        Assert.Equal(limit, page.GetProperty("limit").GetInt32());
        Assert.Equal(count, page.GetProperty("count").GetInt32());
        Assert.Equal(count, data.GetProperty("records").GetArrayLength());
        Assert.True(count <= limit);
        Assert.Equal(offset + count < total, page.GetProperty("has_more").GetBoolean());
        if (count > 0)
        {
            Assert.True(offset + count <= total);
        }
    }
}
