using System.Diagnostics;
using System.Net;
using Npgsql;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// Issue 8 point 4: reads scale out on streaming replicas. A record written through the API on the primary is served
/// from a hot standby within a second.
/// </summary>
public sealed class ReplicaServingTests(ReplicaServing serving) : IClassFixture<ReplicaServing>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CreateRecordOnPrimary_IsOnTheStandbyWithinOneSecond()
    {
        using var client = serving.Api.CreateClientWithKey(ZoneApiFactory.BootstrapKey);
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.PostAsync("www", "A", "192.0.2.10");
        var clock = Stopwatch.StartNew();

        await response.AssertSuccessAsync(HttpStatusCode.Created);
        string? seen = null;
        while (seen is null && clock.Elapsed < Bound + Bound)
        {
            seen = await StandbyContentAsync(zone.Fqdn("www"));
            await Task.Delay(seen is null ? 20 : 0);
        }

        clock.Stop();
        Assert.Equal("192.0.2.10", seen);
        Assert.True(clock.Elapsed <= Bound, $"the standby had it after {clock.ElapsedMilliseconds} ms");
    }

    private async Task<string?> StandbyContentAsync(string name)
    {
        await using var connection = new NpgsqlConnection(serving.StandbyConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT content FROM records WHERE name = $1 AND type = 'A'", connection);
        command.Parameters.AddWithValue(name);
        return (string?)await command.ExecuteScalarAsync();
    }
}
