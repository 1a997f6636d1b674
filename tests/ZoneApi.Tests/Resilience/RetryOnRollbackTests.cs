using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// A record write whose database session is terminated before it commits (57P01, as when an operator or a failover
/// ends sessions) has written nothing, so the API runs it again on a fresh connection: the client sees 201, not 503.
/// </summary>
public sealed class RetryOnRollbackTests(OutageApiFactory api) : IClassFixture<OutageApiFactory>
{
    [Fact]
    public async Task RecordWrite_WhoseSessionIsTerminatedBeforeCommit_IsRetriedAndSucceeds()
    {
        using var client = api.CreateClientWithKey(OutageApiFactory.BootstrapKey);
        var zoneId = (await (await client.PostAsJsonAsync("/v1/zones", new { name = TestNames.Zone() }))
            .AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone").Str("id");
        await using var holder = new NpgsqlConnection(api.Postgres.ConnectionString);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, "SELECT 1 FROM zones WHERE id = $1 FOR UPDATE", Guid.Parse(zoneId));

        var write = client.PostAsJsonAsync($"/v1/zones/{zoneId}/records", new { name = "www", type = "CNAME", content = "target.example.net." });
        var terminated = false;
        for (var i = 0; i < 40 && !terminated; i++)
        {
            await Task.Delay(10);
            // The app's session waiting for the zone's row lock: end it as pg_terminate_backend does for an operator.
            terminated = await ExecuteAsync(holder, """
                SELECT coalesce(bool_or(pg_terminate_backend(pid)), false) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'zoneapi' AND wait_event_type = 'Lock'
                """) is true;
        }

        await transaction.RollbackAsync(); // the retry now gets the lock
        var response = await write;

        Assert.True(terminated, "the write's session was never seen waiting for the lock");
        var record = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("record");
        Assert.Equal("target.example.net.", record.Str("content"));
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}
