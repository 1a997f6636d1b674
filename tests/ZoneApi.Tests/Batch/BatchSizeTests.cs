using System.Diagnostics;
using System.Net;
using ZoneApi.Tests.Infrastructure;
using Xunit.Abstractions;
using static ZoneApi.Tests.Batch.Batches;

namespace ZoneApi.Tests.Batch;

/// <summary>
/// 1000 operations a batch, no more, and a full batch finishes well inside the request's database bound
/// (ZoneApi:DatabaseTimeoutSeconds, 5 s by default, past which the request would be a 503).
/// </summary>
public sealed class BatchSizeTests(DefaultBodyLimitFactory api, ITestOutputHelper output) : IClassFixture<DefaultBodyLimitFactory>
{
    [Fact]
    public async Task Batch_ThousandCreates_AreAllWrittenWithOneSerialBump()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serial = await zone.SoaSerialAsync();
        var operations = Enumerable.Range(0, 1000)
            .Select(i => i % 2 == 0 ? Create($"h{i}", "A", $"192.0.{i / 256}.{i % 256}") : Create($"h{i}", "TXT", $"value {i}"))
            .ToArray();

        var watch = Stopwatch.StartNew();
        var results = await zone.ApplyAsync(operations);
        watch.Stop();

        output.WriteLine($"1000 creates in one batch: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1003, (await zone.RecordsAsync()).Count);
        Assert.Equal(serial + 1, await zone.SoaSerialAsync());
        Assert.Equal(zone.Fqdn("h999"), results[999].GetProperty("record").Str("name"));
    }

    /// <summary>
    /// 1000 CNAMEs run every alias-graph rule per value: about 4 s on a quiet 2-core machine, 5 s and a 503 under the
    /// single-request bound before batch had its own (ZoneApi:WholeZoneTimeoutSeconds).
    /// </summary>
    [Fact]
    public async Task Batch_ThousandCnames_AreNotHeldToTheSingleRequestBound()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var operations = Enumerable.Range(0, 1000).Select(i => Create($"c{i}", "CNAME", "target.example.net.")).ToArray();

        var watch = Stopwatch.StartNew();
        var results = await zone.ApplyAsync(operations);
        watch.Stop();

        output.WriteLine($"1000 CNAME creates in one batch: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1000, results.Length);
        Assert.Equal(1003, (await zone.RecordsAsync()).Count);
    }

    [Fact]
    public async Task Batch_ThousandAndOneOperations_Returns400NamingOperations()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync([.. Enumerable.Range(0, 1001).Select(i => Create($"h{i}", "A", "192.0.2.1"))]);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["operations"], error.Fields());
        Assert.Contains("1000", error.Str("message"));
        await zone.AssertUnchangedAsync(before);
    }
}
