using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Zones;

namespace ZoneApi.Tests.Quotas;

/// <summary>
/// ZoneApi:Quotas:RecordsPerZone (CONTRACT A7), at 5: the SOA and two NS records of a new zone, and two more.
/// Each test uses a customer of its own, since the zone quota of this app is small too.
/// </summary>
public sealed class RecordQuotaTests(SmallQuotasFactory api) : IClassFixture<SmallQuotasFactory>
{
    [Fact]
    public async Task Create_RecordBeyondQuota_Returns403QuotaExceededNamingTheQuota()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "r");
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");

        var response = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.3" });

        var error = await response.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        Assert.Contains("ZoneApi:Quotas:RecordsPerZone = 5", error.Str("message"));
        Assert.Equal(5L, await CountAsync(zone));
    }

    [Fact]
    public async Task Write_AtQuotaThatKeepsTheCount_Succeeds()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "r");
        var zone = await TestZone.CreateAsync(client);
        var address = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("alias", "CNAME", "one.example.net.");

        var upsert = await zone.PostAsync(new { name = "www", type = "A", content = "192.0.2.1", ttl = 600 });
        var replacedCname = await zone.PostAsync(new { name = "alias", type = "CNAME", content = "two.example.net." });
        var updated = await zone.PutAsync(address.Str("id"), new { name = "www", type = "A", content = "192.0.2.9" });
        var updatedByName = await zone.PutByNameAsync("alias", "CNAME", new { content = "three.example.net." });

        await upsert.AssertSuccessAsync(HttpStatusCode.Created);
        await replacedCname.AssertSuccessAsync(HttpStatusCode.Created);
        await updated.AssertSuccessAsync(HttpStatusCode.OK);
        await updatedByName.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Equal(5L, await CountAsync(zone));
    }

    [Fact]
    public async Task Create_AfterDeletingARecordAtQuota_Returns201()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "r");
        var zone = await TestZone.CreateAsync(client);
        var first = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        await zone.AddRecordAsync("www", "A", "192.0.2.2");
        Assert.Equal(HttpStatusCode.NoContent, (await zone.DeleteAsync(first.Str("id"))).StatusCode);

        var response = await zone.PostAsync(new { name = "mail", type = "A", content = "192.0.2.3" });

        await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_TenConcurrentRecords_CreatesOnlyWhatFits()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "r");
        var zone = await TestZone.CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => zone.PostAsync(new { name = $"host{i}", type = "TXT", content = $"value {i}" })));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(2, created.Count);
        foreach (var refused in responses.Except(created))
        {
            await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        }

        Assert.Equal(5L, await CountAsync(zone));
    }

    private Task<long> CountAsync(TestZone zone) =>
        api.ScalarAsync<long>("SELECT count(*) FROM records WHERE zone_id = $1::uuid", zone.Id);
}
