using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// One customer's requests run a bounded number at a time behind a bounded queue: past both, the customer gets
/// 429 RATE_LIMITED at once (no unbounded waiting), while another customer is served as usual.
/// </summary>
public sealed class CustomerConcurrencyTests(OneSlotApiFactory api) : IClassFixture<OneSlotApiFactory>
{
    [Fact]
    public async Task RequestsPastTheCustomersSlotAndQueue_Answer429_WhileAnotherCustomerIsServed()
    {
        using var owner = api.CreateClientWithKey(OutageApiFactory.BootstrapKey);
        using var other = api.CreateClientWithKey(await api.CreateKeyAsync("slot-bystander"));
        var zoneId = (await (await owner.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone").Str("id");
        await using var holder = new NpgsqlConnection(api.Postgres.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockZone = new NpgsqlCommand("SELECT 1 FROM zones WHERE id = $1 FOR UPDATE", holder, transaction))
        {
            lockZone.Parameters.AddWithValue(Guid.Parse(zoneId));
            await lockZone.ExecuteScalarAsync();
        }

        // One write holds the customer's slot (stuck on the lock), one waits in its queue; the rest have no room.
        var writes = Enumerable.Range(0, 6)
            .Select(i => owner.PostAsJsonAsync($"/v1/zones/{zoneId}/records", new { name = $"w{i}", type = "A", content = "192.0.2.1" }))
            .ToList();
        var bystander = await other.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() });
        var responses = await Task.WhenAll(writes);
        await transaction.RollbackAsync();

        Assert.Equal(HttpStatusCode.Created, bystander.StatusCode);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(4, limited.Count);
        foreach (var response in limited)
        {
            await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }

        Assert.All(responses.Except(limited), r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
    }
}
