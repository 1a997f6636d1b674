using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>A PUT may not turn one value of an RRset into another value that the RRset already holds.</summary>
public sealed class RecordConflictTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("A", "192.0.2.1", "192.0.2.2", "192.0.2.2")]
    [InlineData("AAAA", "2001:db8::1", "2001:db8::2", "2001:DB8:0:0::2")]
    [InlineData("TXT", "first", "second", "\"second\"")]
    [InlineData("CAA", "0 issue \"letsencrypt.org\"", "0 issue \"pki.goog\"", "0 issue \"pki.goog\"")]
    public async Task UpdateById_ToAnotherExistingValue_Returns409RecordConflictAndChangesNothing(string type, string first, string second, string secondSpelledAnotherWay)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("host", type, first);
        var existing = await zone.AddRecordAsync("host", type, second);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(record.Str("id"), "host", type, secondSpelledAnotherWay, ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "RECORD_CONFLICT", before);
        AssertNamesValueOrType(message, existing.Str("content"), type);
    }

    [Fact]
    public async Task UpdateById_MxToAnotherExistingTargetAndPriority_Returns409RecordConflict()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("@", "MX", "mx1.example.net.", 10);
        await zone.AddAsync("@", "MX", "mx2.example.net.", 10);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(record.Str("id"), "@", "MX", "mx2.example.net.", 10, ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "RECORD_CONFLICT", before);
        AssertNamesValueOrType(message, "mx2.example.net.", "MX");
    }

    [Fact]
    public async Task UpdateById_MxToExistingTargetWithAnotherPriority_Returns200()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("@", "MX", "mx1.example.net.", 10);
        await zone.AddAsync("@", "MX", "mx2.example.net.", 10);

        var response = await zone.PutAsync(record.Str("id"), "@", "MX", "mx2.example.net.", 20);

        var updated = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(20, updated.GetProperty("priority").GetInt32());
        Assert.Equal(2, (await zone.RecordsAsync()).Count(r => r.Str("type") == "MX" && r.Str("content") == "mx2.example.net."));
    }

    [Fact]
    public async Task UpdateByName_ToAnotherExistingValue_Returns409RecordConflictAndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("host", "A", "192.0.2.1");
        await zone.AddAsync("host", "A", "192.0.2.2");
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("host", "A", "192.0.2.1", "192.0.2.2", ttl: 600, comment: "refused");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "RECORD_CONFLICT", before);
        AssertNamesValueOrType(message, "192.0.2.2", "A");
    }

    [Fact]
    public async Task UpdateById_ToNewValue_Returns200WithNewIdAndRetiresTheOld()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("host", "A", "192.0.2.1");
        await zone.AddAsync("host", "A", "192.0.2.2");

        var response = await zone.PutAsync(record.Str("id"), "host", "A", "192.0.2.3");

        var updated = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal("192.0.2.3", updated.Str("content"));
        Assert.NotEqual(record.Str("id"), updated.Str("id"));
        await (await zone.GetAsync(record.Str("id"))).AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        var values = (await zone.RecordsAsync()).Where(r => r.Str("type") == "A").Select(r => r.Str("content"));
        Assert.Equal(["192.0.2.2", "192.0.2.3"], values);
    }

    [Fact]
    public async Task UpdateById_ToItsOwnValue_Returns200NotConflict()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("host", "A", "192.0.2.1");
        await zone.AddAsync("host", "A", "192.0.2.2");

        var response = await zone.PutAsync(record.Str("id"), "host", "A", "192.0.2.1");

        var updated = (await response.AssertSuccessAsync(HttpStatusCode.OK)).GetProperty("record");
        Assert.Equal(record.Str("id"), updated.Str("id"));
    }

    // "names the value or the type in the way": the refused content, or at least the RRset's type.
    private static void AssertNamesValueOrType(string message, string value, string type)
    {
        if (!message.Contains(value.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            RuleMessages.AssertNamesType(message, type);
        }
    }
}
