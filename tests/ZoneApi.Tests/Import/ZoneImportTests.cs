using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Servable;

namespace ZoneApi.Tests.Import;

/// <summary>POST /v1/zones/{zone_id}/import (CONTRACT A8) through HTTP: the diff, merge and replace, what is ignored, and refusals that write nothing.</summary>
public sealed class ZoneImportTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Import_DryRun_ShowsTheDiffAndWritesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("old", "A", "192.0.2.9");
        await zone.AddRecordAsync("same", "A", "192.0.2.8");
        await zone.AddRecordAsync("slow", "A", "192.0.2.7", ttl: 600);
        var before = await zone.SnapshotAsync();

        var data = await zone.ImportOkAsync(zone.File("new 300 A 192.0.2.1", "same A 192.0.2.8", "slow 900 A 192.0.2.7"), "replace", dryRun: true);

        Assert.True(data.GetProperty("dry_run").GetBoolean());
        Assert.Equal("replace", data.Str("mode"));
        var added = Assert.Single(data.Added());
        Assert.Equal((zone.Fqdn("new"), "A", "192.0.2.1", 300), (added.Str("name"), added.Str("type"), added.Str("content"), added.GetProperty("ttl").GetInt32()));
        Assert.Equal(zone.Fqdn("old"), Assert.Single(data.Removed()).Str("name"));
        var changed = Assert.Single(data.Changed());
        Assert.Equal((600, 900), (changed.GetProperty("before").GetProperty("ttl").GetInt32(), changed.GetProperty("after").GetProperty("ttl").GetInt32()));
        Assert.Equal(3, data.Unchanged()); // same, and the server's two NS records
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_Merge_AddsAndUpdatesAndKeepsTheRest()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("keep", "A", "192.0.2.9");
        await zone.AddRecordAsync("www", "CNAME", "old.example.net.");

        var data = await zone.ImportOkAsync(zone.File("new A 192.0.2.1", "www CNAME new.example.net."));

        Assert.Equal("merge", data.Str("mode"));
        Assert.Equal([zone.Fqdn("new"), zone.Fqdn("www")], data.Added().Select(r => r.Str("name")));
        Assert.Equal("old.example.net.", Assert.Single(data.Removed()).Str("content"));
        var records = await zone.RecordsAsync();
        Assert.Contains(records, r => r.Str("name") == zone.Fqdn("keep"));
        Assert.Equal("new.example.net.", Assert.Single(records, r => r.Str("type") == "CNAME").Str("content"));
    }

    [Fact]
    public async Task Import_Replace_RemovesWhatTheFileLacksButNeverTheServersRecords()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("gone", "A", "192.0.2.9");
        await zone.AddRecordAsync("@", "NS", "ns.example.net.");

        var data = await zone.ImportOkAsync(zone.File("www A 192.0.2.1"), "replace");

        Assert.Equal(["A", "NS"], data.Removed().Select(r => r.Str("type")).Order());
        var records = await zone.RecordsAsync();
        Assert.Equal([("A", zone.Fqdn("www")), ("NS", zone.Apex), ("NS", zone.Apex), ("SOA", zone.Apex)],
            records.Select(r => (r.Str("type"), r.Str("name"))));
    }

    [Fact]
    public async Task Import_SoaAndServerNsInTheFile_AreIgnoredWithTheirLines()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var export = await zone.ExportAsync();
        var soaLine = export.Split('\n').ToList().FindIndex(l => l.Contains("\tSOA\t", StringComparison.Ordinal)) + 1;

        var data = await zone.ImportOkAsync(export + "www A 192.0.2.1\n", "replace");

        var ignored = data.Ignored();
        Assert.Equal([soaLine, soaLine + 1, soaLine + 2], ignored.Select(i => i.GetProperty("line").GetInt32()));
        Assert.Contains("SOA", ignored[0].Str("reason"), StringComparison.Ordinal);
        Assert.Contains("server's own", ignored[1].Str("reason"), StringComparison.Ordinal);
        Assert.Single(data.Added());
        Assert.Empty(data.Removed());
    }

    [Fact]
    public async Task Import_ParseErrorsAndInvalidValues_Answer400WithEveryLineAndWriteNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.ImportAsync(zone.File("ok A 192.0.2.1", "$INCLUDE other", "bad A 192.0.2.300", "x.example.org. A 192.0.2.2", "t 3600 CH A 192.0.2.3"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["line 4", "line 5", "line 6", "line 7"], error.Details().Select(d => d.Field));
        Assert.StartsWith("NAME_OUTSIDE_ZONE: ", error.Details()[2].Reason, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Str("message"), StringComparison.Ordinal);
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_RuleViolation_Answers409WithTheLineAndWritesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.ImportAsync(zone.File("ok A 192.0.2.2", "; a comment", "www CNAME cdn.example.net.", "a CNAME b", "b CNAME a"));

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        Assert.Equal(["line 5", "line 6", "line 7"], error.Details().Select(d => d.Field));
        Assert.StartsWith("CNAME_CONFLICT: ", error.Details()[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("CNAME_LOOP: ", error.Details()[2].Reason, StringComparison.Ordinal);
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_RealImport_IsOneSerialBump()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serial = await zone.SoaSerialAsync();
        var soaId = SoaIdOf(await zone.SnapshotAsync());

        await zone.ImportOkAsync(zone.File(Enumerable.Range(1, 50).Select(i => $"h{i} A 192.0.2.{i}").ToArray()));

        Assert.Equal(serial + 1, await zone.SoaSerialAsync());
        Assert.Equal(53, (await zone.RecordsAsync()).Count);
        // The SOA keeps its id when its serial rises, as after a single write.
        Assert.Equal(soaId, SoaIdOf(await zone.SnapshotAsync()));
    }

    private static string SoaIdOf(string snapshot)
    {
        using var records = JsonDocument.Parse(snapshot);
        return Assert.Single(records.RootElement.EnumerateArray(), r => r.Str("type") == "SOA").Str("id");
    }

    [Fact]
    public async Task Import_ThatChangesNothing_LeavesTheSerial()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var data = await zone.ImportOkAsync(zone.File("www A 192.0.2.1"));

        Assert.Empty(data.Added());
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_AsJson_IsTheSameImport()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.ImportJsonAsync(zone.File("www A 192.0.2.1"), dryRun: true);

        var data = await response.AssertSuccessAsync(HttpStatusCode.OK);
        Assert.Single(data.Added());
    }

    [Fact]
    public async Task Import_AnotherCustomersZone_Is404AndWritesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();
        using var other = await ServableZones.OtherCustomerClientAsync(api);

        var response = await zone.WithClient(other).ImportAsync(zone.File("www A 192.0.2.1"), "replace");

        var error = await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        Assert.DoesNotContain(zone.Name, error.GetRawText(), StringComparison.Ordinal);
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_WithoutRecordsWriteScope_Is403()
    {
        using var owner = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(owner);
        using var reader = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:read"));

        var response = await zone.WithClient(reader).ImportAsync(zone.File("www A 192.0.2.1"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }

    [Theory]
    [InlineData("?mode=overwrite", "mode")]
    [InlineData("?dry_run=yes", "dry_run")]
    public async Task Import_BadQuery_Is400NamingTheParameter(string query, string field)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.PostAsync($"/v1/zones/{zone.Id}/import{query}", new StringContent("www A 192.0.2.1\n", Encoding.UTF8, "text/dns"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal([field], error.Fields());
    }

    [Fact]
    public async Task Import_OtherMediaType_Is415()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.PostAsync(zone.ImportPath(), new StringContent("www A 192.0.2.1\n", Encoding.UTF8, "text/plain"));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Import_BrokenJson_Is400InvalidJson()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.PostAsync(zone.ImportPath(), new StringContent("{\"zone_file\":", Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Fact]
    public async Task Import_RRsetWithTwoTtls_TakesTheFirstAndSaysSo()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var data = await zone.ImportOkAsync(zone.File("www 300 A 192.0.2.1", "www 600 A 192.0.2.2"));

        Assert.All(data.Added(), r => Assert.Equal(300, r.GetProperty("ttl").GetInt32()));
        Assert.Equal(4, Assert.Single(data.Ignored()).GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_MergeIntoRRset_SetsTheTtlOfEveryValue()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("www", "A", "192.0.2.1");

        var data = await zone.ImportOkAsync(zone.File("www 600 A 192.0.2.2"));

        Assert.Single(data.Added());
        Assert.Equal(600, Assert.Single(data.Changed()).GetProperty("after").GetProperty("ttl").GetInt32());
        Assert.All(await zone.RecordsAsync("&name=www"), r => Assert.Equal(600, r.GetProperty("ttl").GetInt32()));
    }

    [Fact]
    public async Task Import_Quota_CountsTheFinalZone()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();
        var lines = Enumerable.Range(0, 10_000).Select(i => $"h{i} A 10.{i / 65536}.{i / 256 % 256}.{i % 256}").ToArray();

        var response = await zone.ImportAsync(zone.File(lines));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "QUOTA_EXCEEDED");
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_FileOverTheLimit_Is413()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        // Expect: 100-continue, so the client waits for the answer instead of pushing 33 MB into a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, zone.ImportPath())
        {
            Content = new StringContent(new string(';', 33 * 1024 * 1024), Encoding.UTF8, "text/dns"),
        };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Import_JsonWithoutAFile_Is400()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.PostAsJsonAsync(zone.ImportPath(), new { });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["zone_file"], error.Fields());
    }
}
