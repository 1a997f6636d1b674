using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Zones;

namespace ZoneApi.Tests.Quotas;

/// <summary>ZoneApi:Quotas:ZonesPerCustomer (CONTRACT A7), at 3.</summary>
public sealed class ZoneQuotaTests(SmallQuotasFactory api) : IClassFixture<SmallQuotasFactory>
{
    [Fact]
    public async Task Create_ZoneBeyondQuota_Returns403QuotaExceededNamingTheQuota()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "q");
        for (var i = 0; i < SmallQuotasFactory.ZonesPerCustomer; i++)
        {
            await TwoCustomers.CreateZoneAsync(client, TestNames.Zone());
        }

        var response = await TwoCustomers.PostZoneAsync(client, TestNames.Zone());

        var error = await response.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        Assert.Contains("ZoneApi:Quotas:ZonesPerCustomer = 3", error.Str("message"));
        Assert.Contains("ask the operator to raise", error.Str("message"));
    }

    [Fact]
    public async Task Create_AfterDeletingAZoneAtQuota_Returns201()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "q");
        var first = await TwoCustomers.CreateZoneAsync(client, TestNames.Zone());
        for (var i = 1; i < SmallQuotasFactory.ZonesPerCustomer; i++)
        {
            await TwoCustomers.CreateZoneAsync(client, TestNames.Zone());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/zones/{first.Str("id")}")).StatusCode);

        await TwoCustomers.CreateZoneAsync(client, TestNames.Zone());
    }

    [Fact]
    public async Task Create_ZoneAtAnotherCustomersQuota_Returns201()
    {
        using var full = await TwoCustomers.CustomerAsync(api, "q");
        using var other = await TwoCustomers.CustomerAsync(api, "q");
        for (var i = 0; i < SmallQuotasFactory.ZonesPerCustomer; i++)
        {
            await TwoCustomers.CreateZoneAsync(full, TestNames.Zone());
        }

        await TwoCustomers.CreateZoneAsync(other, TestNames.Zone());
    }

    [Fact]
    public async Task Create_TwelveConcurrentZones_CreatesExactlyTheQuota()
    {
        using var client = await TwoCustomers.CustomerAsync(api, "q");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => TwoCustomers.PostZoneAsync(client, TestNames.Zone())));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(SmallQuotasFactory.ZonesPerCustomer, created.Count);
        foreach (var refused in responses.Except(created))
        {
            await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        }

        var customerId = (await created[0].AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone").Str("customer_id");
        Assert.Equal((long)SmallQuotasFactory.ZonesPerCustomer,
            await api.ScalarAsync<long>("SELECT count(*) FROM zones WHERE customer_id = $1::uuid", customerId));
    }
}
