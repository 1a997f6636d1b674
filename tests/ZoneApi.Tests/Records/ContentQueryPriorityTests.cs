using System.Net;
using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// <c>?content=</c> on the by-name routes: a value that carries a priority picks by priority and target, so
/// with MX 10 and MX 20 to one host, "10 host" touches only the MX 10; a value without one picks every
/// priority of that target, as before.
/// </summary>
public sealed class ContentQueryPriorityTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    private const string Mail = "mail.example.net.";
    private const string Sip = "sip.example.net.";

    [Theory]
    [InlineData("10 mail.example.net.", 20)]
    [InlineData("10 mail.example.net", 20)]
    [InlineData("20 MAIL.example.net.", 10)]
    public async Task DeleteByName_MxContentWithPriority_DeletesOnlyThatPriority(string content, int kept)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 10 });
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 20 });

        var response = await zone.DeleteByNameAsync("@", "MX", content);

        await RecordAssert.NoContentAsync(response);
        var left = Assert.Single(await MxAsync(zone));
        Assert.Equal(kept, left.GetProperty("priority").GetInt32());
        Assert.Equal(Mail, left.Str("content"));
    }

    [Fact]
    public async Task DeleteByName_MxContentWithoutPriority_DeletesEveryPriorityOfThatTarget()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 10 });
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 20 });
        var other = await zone.AddRecordAsync(new { name = "@", type = "MX", content = "backup.example.net.", priority = 30 });

        var response = await zone.DeleteByNameAsync("@", "MX", Mail);

        await RecordAssert.NoContentAsync(response);
        Assert.Equal([other.GetRawText()], (await MxAsync(zone)).Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task DeleteByName_MxPriorityThatIsNotThere_Returns404AndDeletesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 10 });
        var before = await zone.SnapshotAsync();

        var response = await zone.DeleteByNameAsync("@", "MX", "30 " + Mail);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "RECORD_NOT_FOUND");
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task PutByName_MxContentWithPriority_ReplacesOnlyThatPriority()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var ten = await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 10 });
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 20 });

        var response = await zone.PutByNameAsync("@", "MX", new { content = "25 " + Mail }, oldContent: "20 " + Mail);

        await response.AssertSuccessAsync(HttpStatusCode.OK);
        var priorities = (await MxAsync(zone)).Select(r => r.GetProperty("priority").GetInt32()).Order();
        Assert.Equal([10, 25], priorities);
        Assert.Equal(ten.GetRawText(), (await zone.GetRecordAsync(ten.Str("id"))).GetRawText());
    }

    [Fact]
    public async Task PutByName_MxContentWithoutPriorityMatchingTwo_Returns400AndChangesNothing()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 10 });
        await zone.AddRecordAsync(new { name = "@", type = "MX", content = Mail, priority = 20 });
        var before = await zone.SnapshotAsync();

        var response = await zone.PutByNameAsync("@", "MX", new { content = "30 " + Mail }, oldContent: Mail);

        Assert.Equal(["content"], (await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")).Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("10 5 5060 sip.example.net.", new[] { 20 })]
    [InlineData("20 5 5060 sip.example.net", new[] { 10 })]
    [InlineData("5 5060 sip.example.net.", new int[0])]
    public async Task DeleteByName_SrvContent_DeletesByPriorityWhenItHasOne(string content, int[] kept)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("_sip._tcp", "SRV", "10 5 5060 " + Sip);
        await zone.AddRecordAsync("_sip._tcp", "SRV", "20 5 5060 " + Sip);

        var response = await zone.DeleteByNameAsync("_sip._tcp", "SRV", content);

        await RecordAssert.NoContentAsync(response);
        var left = (await zone.RecordsAsync()).Where(r => r.Str("type") == "SRV").Select(r => r.GetProperty("priority").GetInt32());
        Assert.Equal(kept, left);
    }

    private static async Task<List<JsonElement>> MxAsync(TestZone zone) =>
        [.. (await zone.RecordsAsync()).Where(r => r.Str("type") == "MX")];
}
