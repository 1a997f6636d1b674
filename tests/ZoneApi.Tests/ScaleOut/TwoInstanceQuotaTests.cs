using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>
/// Quotas (CONTRACT A7) are counted in the database, not per process: creates racing through two instances
/// stop at exactly the quota, and every refusal is a 403 QUOTA_EXCEEDED.
/// </summary>
public sealed class TwoInstanceQuotaTests(TwoApiInstancesWithSmallQuotas api) : IClassFixture<TwoApiInstancesWithSmallQuotas>
{
    [Fact]
    public async Task CreateZone_RacingThroughBothInstances_CreatesExactlyTheQuota()
    {
        var key = await api.CreateKeyAsync("q" + Guid.NewGuid().ToString("N")[..12]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var client = api.ClientOf(i, key);
            return await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone("q") });
        }));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(TwoApiInstancesWithSmallQuotas.ZonesPerCustomer, created.Count);
        foreach (var refused in responses.Except(created))
        {
            await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        }

        await AssertTablesWithinQuotasAsync();
    }

    [Fact]
    public async Task CreateRecord_RacingThroughBothInstances_CreatesOnlyWhatFits()
    {
        var key = await api.CreateKeyAsync("r" + Guid.NewGuid().ToString("N")[..12]);
        var zone = await TestZone.CreateAsync(api.ClientOf(0, key));
        var onTwo = zone.WithClient(api.ClientOf(1, key));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => new RacingWrite(i % 2 == 0 ? zone : onTwo, $"host{i}", "TXT", $"value {i}").SendAsync()));

        var stored = await zone.RecordsAsync();
        Assert.Equal(TwoApiInstancesWithSmallQuotas.RecordsPerZone, stored.Count);
        Assert.Equal(TwoApiInstancesWithSmallQuotas.RecordsPerZone - 3, outcomes.Count(o => o.Won));
        Assert.All(outcomes.Where(o => !o.Won), o => Assert.True(o.Status == HttpStatusCode.Forbidden && o.Code == "QUOTA_EXCEEDED", o.ToString()));
        await AssertTablesWithinQuotasAsync();
    }

    private async Task AssertTablesWithinQuotasAsync()
    {
        var violations = await StoredRuleViolations.FindAsync(
            api.ConnectionString, TwoApiInstancesWithSmallQuotas.ZonesPerCustomer, TwoApiInstancesWithSmallQuotas.RecordsPerZone);
        Assert.True(violations.Count == 0, $"the tables break the rules:\n{string.Join('\n', violations)}");
    }
}
