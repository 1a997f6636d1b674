using System.Net;
using System.Text;
using ZoneApi.Tests.Batch;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// pdns.records is a table in PowerDNS's own layout (migration 0015), kept by triggers in the transaction of every
/// write: what it holds after each kind of write is exactly what the records say (<see cref="ServedRowsCheck"/>), and
/// the check that every test app runs when it is disposed does catch a table that drifted.
/// </summary>
public sealed class PowerDnsTableTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task ServedRows_AfterEveryKindOfWrite_AreWhatTheRecordsSay()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "table");
        var domainId = await api.ScalarAsync<int>("SELECT pdns_id FROM zones WHERE id = $1", Guid.Parse(zone.Id));
        var steps = new List<(string Step, long Rows, long Empty, IReadOnlyList<string> Differences)>();
        async Task Step(string step) => steps.Add((step,
            await api.ScalarAsync<long>("SELECT count(*) FROM pdns.records WHERE domain_id = $1", domainId),
            await api.ScalarAsync<long>("SELECT count(*) FROM pdns.records WHERE domain_id = $1 AND type IS NULL", domainId),
            await ServedRowsCheck.DifferencesAsync(api.ConnectionString)));

        // SOA and the server's two NS records.
        await Step("created");
        var deep = await zone.AddRecordAsync("a.b.c", "A", "192.0.2.1");
        await zone.AddAsync("mail", "MX", "mail.example.net.", priority: 10);
        await Step("a.b.c and an MX: b.c and c are empty non-terminals");
        (await zone.PutAsync(deep.Str("id"), new { name = "a.b.c", type = "A", content = "192.0.2.1", ttl = 600 })).EnsureSuccessStatusCode();
        await Step("TTL changed");
        (await zone.PutAsync(deep.Str("id"), new { name = "a.b.c", type = "A", content = "192.0.2.1", disabled = true })).EnsureSuccessStatusCode();
        await Step("a.b.c disabled: b.c and c no longer exist");
        var batch = await zone.ApplyAsync(
            Batches.Update(deep.Str("id"), "a.b.c", "A", "192.0.2.1", disabled: false),
            Batches.Create("c", "TXT", "own"),
            Batches.Create("x.y", "AAAA", "2001:db8::1"));
        await Step("batch: a.b.c enabled, c holds a TXT, y is empty");
        await zone.SetStatusAsync("paused");
        await Step("paused");
        await zone.SetStatusAsync("active");
        await Step("resumed");
        (await zone.DeleteAsync(batch[1].GetProperty("record").Str("id"))).EnsureSuccessStatusCode();
        await Step("c's TXT deleted: c is empty again");
        var file = $"$ORIGIN {zone.Name}.\nq.r 300 IN A 192.0.2.9\nwww 300 IN CNAME q.r\n";
        (await client.PostAsync($"/v1/zones/{zone.Id}/import?mode=replace", new StringContent(file, Encoding.UTF8, "text/dns")))
            .EnsureSuccessStatusCode();
        await Step("replaced by an import: q.r, r empty, www");

        Assert.Equal(
            [
                ("created", 3L, 0L),
                ("a.b.c and an MX: b.c and c are empty non-terminals", 7, 2),
                ("TTL changed", 7, 2),
                ("a.b.c disabled: b.c and c no longer exist", 4, 0),
                ("batch: a.b.c enabled, c holds a TXT, y is empty", 9, 2),
                ("paused", 0, 0),
                ("resumed", 9, 2),
                ("c's TXT deleted: c is empty again", 9, 3),
                ("replaced by an import: q.r, r empty, www", 6, 1),
            ],
            steps.Select(s => (s.Step, s.Rows, s.Empty)));
        Assert.All(steps, s => Assert.Empty(s.Differences));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/zones/{zone.Id}")).StatusCode);
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM pdns.records WHERE domain_id = $1", domainId));
    }

    [Fact]
    public async Task Differences_TableThatDrifted_NameTheMissingAndTheStrayRows()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client, "drift");
        await zone.AddAsync("www", "A", "192.0.2.2");
        var domainId = await api.ScalarAsync<int>("SELECT pdns_id FROM zones WHERE id = $1", Guid.Parse(zone.Id));
        var www = zone.Fqdn("www").TrimEnd('.');
        // Past the triggers: one served row goes, a row no record says comes.
        await api.ScalarAsync<object>("DELETE FROM pdns_records WHERE domain_id = $1 AND name = $2", domainId, www);
        await api.ScalarAsync<object>("INSERT INTO pdns_records (domain_id, name, type, content, ttl) VALUES ($1, $2, 'A', '192.0.2.99', 60)", domainId, www);

        try
        {
            var differences = await ServedRowsCheck.DifferencesAsync(api.ConnectionString);

            Assert.Equal(
                [
                    $"missing from pdns.records: {domainId} | {www} | A | 192.0.2.2 | 3600 | NULL",
                    $"not derived from records: {domainId} | {www} | A | 192.0.2.99 | 60 | NULL",
                ],
                differences);
        }
        finally
        {
            // Otherwise this class's own check, when its app is disposed, would fail the run on purpose-made data.
            await api.ScalarAsync<object>("DELETE FROM pdns_records WHERE domain_id = $1", domainId);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/zones/{zone.Id}")).StatusCode);
        }
    }
}
