using System.Net;
using ZoneApi.Tests.Infrastructure;
using static ZoneApi.Tests.Batch.Batches;

namespace ZoneApi.Tests.Batch;

/// <summary>
/// Every rule a single write checks holds inside a batch, against the state the operations before it built; the
/// rules about the zone as a server answers it, against the state the whole batch leaves.
/// </summary>
public sealed class BatchRuleTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Batch_DeleteTheAThenCreateACnameAtItsName_Succeeds()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var address = await zone.AddRecordAsync("www", "A", "192.0.2.1");

        await zone.ApplyAsync(Delete(address.Str("id")), Create("www", "CNAME", "cdn.example.net."));

        Assert.Equal("cdn.example.net.", (await zone.SingleRecordAsync(zone.Fqdn("www"), "CNAME")).Str("content"));
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }

    /// <summary>
    /// Operations name the test's zone as {zone}. A rule about the state the batch leaves (a delegation hiding a record,
    /// a null MX beside another) refuses every operation whose value breaks it, so the first of them is reported first.
    /// </summary>
    public static TheoryData<string, object[], int, HttpStatusCode, string> RefusedWithinOneBatch => new()
    {
        { "CNAME beside an A of the batch", [Create("www", "A", "192.0.2.1"), Create("www", "CNAME", "cdn.example.net.")], 1, HttpStatusCode.Conflict, "CNAME_CONFLICT" },
        { "MX at a CNAME of the batch", [Create("alias", "CNAME", "host.example.net."), Create("@", "MX", "alias.{zone}.", priority: 10)], 1, HttpStatusCode.Conflict, "TARGET_IS_CNAME" },
        { "CNAME where an MX of the batch points", [Create("@", "MX", "mx.{zone}.", priority: 10), Create("mx", "CNAME", "host.example.net.")], 1, HttpStatusCode.Conflict, "TARGET_IS_CNAME" },
        { "loop built in one batch", [Create("a", "CNAME", "b.{zone}."), Create("b", "CNAME", "c.{zone}."), Create("c", "CNAME", "a.{zone}.")], 2, HttpStatusCode.Conflict, "CNAME_LOOP" },
        { "chain of nine hops", [.. Enumerable.Range(1, 9).Select(i => Create($"c{i}", "CNAME", $"c{i + 1}.{{zone}}."))], 8, HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG" },
        { "NS without an address", [Create("@", "NS", "ns9.{zone}.")], 0, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS" },
        { "record below a delegation of the batch", [Create("sub", "NS", "ns.example.net."), Create("www.sub", "A", "192.0.2.1")], 0, HttpStatusCode.Conflict, "OCCLUDED_RECORD" },
        { "null MX beside an MX of the batch", [Create("@", "MX", "mail.example.net.", priority: 10), Create("@", "MX", ".", priority: 0)], 0, HttpStatusCode.Conflict, "NULL_MX_CONFLICT" },
        { "NS at a wildcard", [Create("ok", "A", "192.0.2.1"), Create("*.dev", "NS", "ns.example.net.")], 1, HttpStatusCode.BadRequest, "WILDCARD_NS" },
        { "CNAME at the apex", [Create("@", "CNAME", "example.net.")], 0, HttpStatusCode.BadRequest, "CNAME_AT_APEX" },
    };

    [Theory]
    [MemberData(nameof(RefusedWithinOneBatch))]
    public async Task Batch_BreakingARuleWithItsOwnOperations_IsRefusedAtThatOperationAndWritesNothing(
        string rule, object[] operations, int refused, HttpStatusCode status, string code)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync([.. operations.Select(o => ForZone(o, zone))]);

        await zone.AssertRefusedAsync(response, status, code, before);
        var details = (await response.JsonAsync()).GetProperty("error").Details();
        Assert.True(details.Length > 0, rule);
        Assert.StartsWith($"operations[{refused}]", details[0].Field);
        Assert.StartsWith(code + ": ", details[0].Reason);
    }

    [Fact]
    public async Task Batch_NsBeforeTheAddressOfItsTarget_IsCheckedOnTheFinalState()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        await zone.ApplyAsync(Create("@", "NS", zone.Fqdn("ns9")), Create("ns9", "A", "192.0.2.53"));
        var old = await zone.IdOfAsync("ns9", "A");
        await zone.ApplyAsync(Delete(old), Create("ns9", "A", "192.0.2.54"));

        Assert.Equal("192.0.2.54", (await zone.SingleRecordAsync(zone.Fqdn("ns9"), "A")).Str("content"));
    }

    [Fact]
    public async Task Batch_DeletingTheLastAddressOfAnNsTarget_IsRefused()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.ApplyAsync(Create("ns9", "A", "192.0.2.53"), Create("@", "NS", zone.Fqdn("ns9")));
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(Create("other", "A", "192.0.2.1"), Delete(await zone.IdOfAsync("ns9", "A")));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NS_TARGET_NEEDS_ADDRESS", before);
        Assert.Equal(["operations[1]"], (await response.JsonAsync()).GetProperty("error").Details().Select(d => d.Field));
    }

    [Theory]
    [InlineData("SOA", false)]
    [InlineData("SOA", true)]
    [InlineData("NS", false)]
    [InlineData("NS", true)]
    public async Task Batch_ChangingTheServersOwnRecords_Returns409Protected(string type, bool delete)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var own = (await zone.RecordsAsync()).First(r => r.Str("type") == type);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(
            Create("ok", "A", "192.0.2.1"),
            delete ? Delete(own.Str("id")) : Update(own.Str("id"), "@", type, type == "NS" ? "ns.example.net." : own.Str("content")));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "PROTECTED_RECORD", before);
        // Writing an SOA is refused by its shape (operations[1].record.type), an apex NS of the server's by what is stored.
        Assert.StartsWith("operations[1]", Assert.Single((await response.JsonAsync()).GetProperty("error").Details()).Field);
    }

    [Fact]
    public async Task Batch_CnameToANameTheBatchThenFills_HasNoStaleWarning()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var results = await zone.ApplyAsync(Create("www", "CNAME", zone.Fqdn("app")), Create("app", "A", "192.0.2.1"),
            Create("api", "CNAME", zone.Fqdn("nothing")));

        Assert.False(results[0].TryGetProperty("warnings", out _), results[0].GetRawText());
        var warning = Assert.Single(results[2].GetProperty("warnings").EnumerateArray());
        Assert.Equal("TARGET_DOES_NOT_RESOLVE", warning.Str("code"));
    }
}
