using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// The lock that serialises CNAME, ALIAS, MX, NS and SRV writes is one per customer: while a transaction holds
/// customer A's, A's alias writes wait and customer B's go through.
/// </summary>
public sealed class AliasGraphLockTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Create_WhileOneCustomersAliasGraphLockIsHeld_OtherCustomerProceedsAndTheHolderWaits()
    {
        using var a = await Tenant.CreateAsync(api, "a");
        using var b = await Tenant.CreateAsync(api, "b");
        var customerA = await api.ScalarAsync<Guid>("SELECT customer_id FROM zones WHERE id = $1", Guid.Parse(a.Zone.Id));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT zoneapi_lock_alias_graph($1)", customerA);

        var waiting = a.Zone.PostAsync("www", "CNAME", "a-target.example.net.");
        await WaitForAdvisoryLockWaiterAsync(connection, waiting);
        using var passed = await b.Zone.PostAsync("www", "CNAME", "b-target.example.net.").WaitAsync(Patience);
        var waitedMeanwhile = !waiting.IsCompleted;
        await transaction.CommitAsync();
        using var released = await waiting.WaitAsync(Patience);

        await passed.AssertSuccessAsync(HttpStatusCode.Created);
        Assert.True(waitedMeanwhile, "customer A's CNAME went through while A's alias-graph lock was held");
        await released.AssertSuccessAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// Creating or deleting one of the customer's zones changes which zone answers for its names (a nested zone), so
    /// it waits for the customer's lock like an alias write, and no CNAME or MX write checks against the old nesting.
    /// </summary>
    [Theory]
    [InlineData("create")]
    [InlineData("delete")]
    public async Task ZoneCreateOrDelete_WhileTheCustomersAliasGraphLockIsHeld_Waits(string action)
    {
        using var a = await Tenant.CreateAsync(api, "a");
        var customerA = await api.ScalarAsync<Guid>("SELECT customer_id FROM zones WHERE id = $1", Guid.Parse(a.Zone.Id));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT zoneapi_lock_alias_graph($1)", customerA);

        var waiting = action == "create"
            ? a.Client.PostAsJsonAsync("/v1/zones", new { name = "dev." + a.Zone.Name })
            : a.Client.DeleteAsync($"/v1/zones/{a.Zone.Id}");
        await WaitForAdvisoryLockWaiterAsync(connection, waiting);
        var waitedMeanwhile = !waiting.IsCompleted;
        await transaction.CommitAsync();
        using var released = await waiting.WaitAsync(Patience);

        Assert.True(waitedMeanwhile, $"the zone {action} went through while the customer's alias-graph lock was held");
        Assert.True(released.IsSuccessStatusCode, $"the zone {action} failed after the lock was released: {(int)released.StatusCode}");
    }

    /// <summary>Waits until a session of this database waits for an advisory lock (the API's request for A's).</summary>
    private static async Task WaitForAdvisoryLockWaiterAsync(NpgsqlConnection connection, Task<HttpResponseMessage> request)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !request.IsCompleted)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"customer A's CNAME create never waited for A's alias-graph lock (completed: {request.IsCompleted})");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter);
        await command.ExecuteNonQueryAsync();
    }
}
