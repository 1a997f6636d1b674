using System.Net;
using ZoneApi.Tests.Infrastructure;
using static ZoneApi.Tests.Batch.Batches;

namespace ZoneApi.Tests.Batch;

/// <summary>A batch is one change: applied in order, all of it or none of it, with one SOA serial bump (CONTRACT A8).</summary>
public sealed class BatchAtomicityTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Batch_RefusalAtThirdOfFive_WritesNothingAndAnswersItsCode()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(
            Create("a", "A", "192.0.2.1"),
            Create("b", "TXT", "hello"),
            Create("a", "CNAME", "target.example.net."),
            Create("c", "AAAA", "2001:db8::1"),
            Create("d", "MX", "mail.example.net.", priority: 10));

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_CONFLICT", before);
        var error = (await response.JsonAsync()).GetProperty("error");
        var detail = Assert.Single(error.Details());
        Assert.Equal("operations[2]", detail.Field);
        Assert.StartsWith("CNAME_CONFLICT: ", detail.Reason);
        Assert.Contains("operations[2]", message);
    }

    [Fact]
    public async Task Batch_SeveralRefusals_ListsEachInRequestOrderWithTheFirstOnesStatus()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var address = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(
            Create("ok", "A", "192.0.2.2"),
            Delete("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            Create("www", "CNAME", "target.example.net."),
            Update(address.Str("id"), "www", "A", "192.0.2.3"),
            Create("ok", "CNAME", "target.example.net."));

        await zone.AssertRefusedAsync(response, HttpStatusCode.NotFound, "RECORD_NOT_FOUND", before);
        var details = (await response.JsonAsync()).GetProperty("error").Details();
        Assert.Equal(["operations[1]", "operations[2]", "operations[4]"], details.Select(d => d.Field));
        Assert.Equal(["RECORD_NOT_FOUND", "CNAME_CONFLICT", "CNAME_CONFLICT"], details.Select(d => d.Reason.Split(':')[0]));
    }

    [Fact]
    public async Task Batch_LaterOperationsAreCheckedAgainstTheStateWithoutTheRefusedOnes()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var alias = await zone.AddRecordAsync("x", "ALIAS", "target.example.net.");
        var before = await zone.SnapshotAsync();

        // Had the refused A been written, the CNAME would meet it: only the A is reported.
        var response = await zone.BatchAsync(
            Create("x", "A", "192.0.2.1"),
            Delete(alias.Str("id")),
            Create("x", "CNAME", "target.example.net."));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "ALIAS_CONFLICT", before);
        Assert.Equal(["operations[0]"], (await response.JsonAsync()).GetProperty("error").Details().Select(d => d.Field));
    }

    [Fact]
    public async Task Batch_AppliedInOrder_RaisesTheSerialOnceAndAnswersEveryRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var old = await zone.AddRecordAsync("old", "A", "192.0.2.1");
        var gone = await zone.AddRecordAsync("gone", "TXT", "bye");
        var serial = await zone.SoaSerialAsync();

        var results = await zone.ApplyAsync(
            Create("new", "A", "192.0.2.2", ttl: 600),
            Update(old.Str("id"), "old", "A", "192.0.2.9"),
            Delete(gone.Str("id")),
            Create("new", "A", "192.0.2.3"));

        Assert.Equal(serial + 1, await zone.SoaSerialAsync());
        Assert.Equal(["create", "update", "delete", "create"], results.Select(r => r.Str("action")));
        var created = results[0].GetProperty("record");
        Assert.Equal((zone.Fqdn("new"), "A", "192.0.2.2", 600), (created.Str("name"), created.Str("type"), created.Str("content"), created.GetProperty("ttl").GetInt32()));
        Assert.Equal("192.0.2.2", (await zone.GetRecordAsync(created.Str("id"))).Str("content"));
        var updated = results[1].GetProperty("record");
        Assert.NotEqual(old.Str("id"), updated.Str("id"));
        Assert.Equal("192.0.2.9", (await zone.GetRecordAsync(updated.Str("id"))).Str("content"));
        Assert.Equal(gone.Str("id"), results[2].Str("id"));
        Assert.Equal("bye", results[2].GetProperty("record").Str("content"));
        Assert.Equal(HttpStatusCode.NotFound, (await zone.GetAsync(gone.Str("id"))).StatusCode);
        // The RRset's TTL is the last write's (RFC 2181 §5.2), for both values.
        Assert.All(await zone.RecordsAsync($"&name=new&type=A"), r => Assert.Equal(3600, r.GetProperty("ttl").GetInt32()));
    }

    [Fact]
    public async Task Batch_OnlyIdempotentCreates_LeavesTheSerialAlone()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("same", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var results = await zone.ApplyAsync(Create("same", "A", "192.0.2.1"));

        Assert.Equal(zone.Fqdn("same"), results[0].GetProperty("record").Str("name"));
        await zone.AssertUnchangedAsync(before);
    }
}
