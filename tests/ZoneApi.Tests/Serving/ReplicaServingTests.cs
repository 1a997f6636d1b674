using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// Issue 8 point 4: reads scale out on streaming replicas. A change written through the API on the primary is answered
/// by a PowerDNS that reads a hot standby within a second of the API's answer: nothing in between but PostgreSQL's own
/// streaming replication (no cache, no NOTIFY, no zone transfer).
/// </summary>
public sealed class ReplicaServingTests(ReplicaServing serving) : IClassFixture<ReplicaServing>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task StandbyDns_ReadsAHotStandby()
    {
        await using var standby = new NpgsqlConnection(serving.StandbyConnectionString);
        await standby.OpenAsync();
        await using var recovery = new NpgsqlCommand("SELECT pg_is_in_recovery()", standby);

        Assert.True((bool)(await recovery.ExecuteScalarAsync())!, "the standby is not in recovery: PowerDNS would read a primary");
    }

    [Fact]
    public async Task CreateRecordOnPrimary_AnsweredByTheStandbysPowerDnsWithinOneSecond()
    {
        using var client = serving.Api.CreateClientWithKey(ZoneApiFactory.BootstrapKey);
        var zone = await TestZone.CreateAsync(client);
        var name = zone.Fqdn("www");
        // The zone itself first: the clock below measures the record's journey only.
        await FirstAnswerAsync(name, "A", reply => reply.Status == "NXDOMAIN", TimeSpan.FromSeconds(30));

        var response = await zone.PostAsync("www", "A", "192.0.2.10");
        await response.AssertSuccessAsync(HttpStatusCode.Created);
        var (reply, elapsed) = await FirstAnswerAsync(name, "A", r => r.Data("A").Contains("192.0.2.10"), Bound + Bound);

        Assert.True(reply.Data("A").Contains("192.0.2.10"), $"the standby's PowerDNS never answered it:\n{reply}");
        Assert.True(elapsed <= Bound, $"the standby's PowerDNS answered it {elapsed.TotalMilliseconds:0} ms after the API's 201");
    }

    [Fact]
    public async Task DeleteRecordOnPrimary_GoneFromTheStandbysPowerDnsWithinOneSecondWithTheNewSerial()
    {
        using var client = serving.Api.CreateClientWithKey(ZoneApiFactory.BootstrapKey);
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("mail", "TXT", "v=spf1 -all");
        var name = zone.Fqdn("mail");
        await FirstAnswerAsync(name, "TXT", reply => reply.Answer.Count > 0, TimeSpan.FromSeconds(30));

        var response = await zone.DeleteAsync(record.Str("id"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var serial = TestZone.SerialOf(await zone.SnapshotAsync());
        var (reply, elapsed) = await FirstAnswerAsync(name, "TXT", r => r.Status == "NXDOMAIN", Bound + Bound);

        Assert.True(reply.Status == "NXDOMAIN", $"the standby's PowerDNS still answers it:\n{reply}");
        Assert.True(elapsed <= Bound, $"the standby's PowerDNS dropped it {elapsed.TotalMilliseconds:0} ms after the API's 204");
        var soa = await serving.StandbyDns.QueryAsync(zone.Apex, "SOA", DnsTransport.Udp);
        Assert.Equal(serial.ToString(CultureInfo.InvariantCulture), Assert.Single(soa.Data("SOA")).Split(' ')[2]);
    }

    /// <summary>
    /// Asks the standby's PowerDNS every 20 ms until <paramref name="done"/> holds or <paramref name="limit"/> passes;
    /// returns the last answer and when it came, measured from the call (that is, from the API's answer).
    /// </summary>
    private async Task<(DnsReply Reply, TimeSpan Elapsed)> FirstAnswerAsync(string name, string type, Func<DnsReply, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var reply = await serving.StandbyDns.QueryAsync(name, type, DnsTransport.Udp);
            if (done(reply) || clock.Elapsed > limit)
            {
                return (reply, clock.Elapsed);
            }

            await Task.Delay(20);
        }
    }
}
