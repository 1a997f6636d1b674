using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Quotas;
using ZoneApi.Tests.Zones;
using static ZoneApi.Tests.Batch.Batches;

namespace ZoneApi.Tests.Batch;

/// <summary>The shape of a batch, checked before any lock, every operation of it; and whose zone it may touch.</summary>
public sealed class BatchShapeTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Batch_UnknownActionMissingIdAndBadContent_Returns400NamingEachOperationsField()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await client.PostAsJsonAsync(zone.BatchPath(), new
        {
            operations = new object[]
            {
                new { action = "create", record = new { name = "ok", type = "A", content = "192.0.2.1" } },
                new { action = "upsert", record = new { name = "a", type = "A", content = "192.0.2.1" } },
                new { action = "delete" },
                new { action = "create", record = new { name = "b", type = "A", content = "not-an-address" } },
                new { action = "update", record = new { name = "c", type = "A", content = "192.0.2.1" } },
            },
        });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["operations[1].action", "operations[2].id", "operations[3].record.content", "operations[4].id"],
            error.Details().Select(d => d.Field));
        Assert.All(error.Details(), d => Assert.StartsWith("VALIDATION_ERROR: ", d.Reason));
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Batch_UpdateAndDeleteOfUnknownIds_Return404PerOperation()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(
            Update("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x", "A", "192.0.2.1"),
            Create("y", "A", "192.0.2.1"),
            Delete("not-an-id"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.NotFound, "RECORD_NOT_FOUND", before);
        var details = (await response.JsonAsync()).GetProperty("error").Details();
        Assert.Equal(["operations[0]", "operations[2]"], details.Select(d => d.Field));
        Assert.All(details, d => Assert.StartsWith("RECORD_NOT_FOUND: ", d.Reason));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"operations":[]}""")]
    [InlineData("""{"operations":null}""")]
    public async Task Batch_WithoutOperations_Returns400NamingOperations(string body)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await client.PostAsync(zone.BatchPath(), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["operations"], error.Fields());
    }

    [Fact]
    public async Task Batch_AnotherCustomersZone_Returns404ZoneNotFound()
    {
        using var customers = await TwoCustomers.CreateAsync(api);
        var zone = await TestZone.CreateAsync(customers.A);
        var record = await zone.AddRecordAsync("www", "A", "192.0.2.1");
        var before = await zone.SnapshotAsync();

        var response = await zone.WithClient(customers.B).BatchAsync(Delete(record.Str("id")), Create("x", "A", "192.0.2.2"));

        var error = await response.AssertErrorAsync(HttpStatusCode.NotFound, "ZONE_NOT_FOUND");
        Assert.DoesNotContain(zone.Name, error.GetRawText());
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Batch_KeyWithoutRecordsWrite_Returns403()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        using var reader = api.CreateClientWithKey(await api.CreateKeyAsync("default", "zones:read", "records:read"));

        var response = await zone.WithClient(reader).BatchAsync(Create("x", "A", "192.0.2.2"));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }
}

/// <summary>The records-per-zone quota counts a batch's values as they are written (SmallQuotasFactory: 2 free places).</summary>
public sealed class BatchQuotaTests(SmallQuotasFactory api) : IClassFixture<SmallQuotasFactory>
{
    [Fact]
    public async Task Batch_OverTheRecordQuota_Returns403AtTheFirstValueTooManyAndWritesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.BatchAsync(Create("a", "A", "192.0.2.1"), Create("b", "A", "192.0.2.2"), Create("c", "A", "192.0.2.3"));

        await zone.AssertRefusedAsync(response, HttpStatusCode.Forbidden, "QUOTA_EXCEEDED", before);
        Assert.Equal(["operations[2]"], (await response.JsonAsync()).GetProperty("error").Details().Select(d => d.Field));
    }

    [Fact]
    public async Task Batch_DeleteThenCreate_FitsTheQuota()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.ApplyAsync(Create("a", "A", "192.0.2.1"), Create("b", "A", "192.0.2.2"));

        await zone.ApplyAsync(Delete(await zone.IdOfAsync("a", "A")), Create("c", "A", "192.0.2.3"));

        Assert.Equal(5, (await zone.RecordsAsync()).Count);
    }
}
