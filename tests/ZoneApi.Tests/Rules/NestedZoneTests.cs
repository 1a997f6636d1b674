using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// A customer may nest its own zones (example.com and dev.example.com). A name is then looked up only in the
/// closest enclosing zone, and the parent zone cannot hold records below the child's apex other than a delegation
/// to it (Servable/OccludedDataTests): what the parent tries to put there never changes how the child's names resolve.
/// </summary>
public sealed class NestedZoneTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Fact]
    public async Task Create_MxToNameWhoseCnameTheParentZoneWasRefused_Returns201AndWarnsThatTheChildHasNothingThere()
    {
        using var client = api.CreateAuthenticatedClient();
        var (parent, child) = await ParentAndChildAsync(client);
        await (await parent.PostAsync("mail.dev", "CNAME", "real.example.net.")).AssertErrorAsync(HttpStatusCode.Conflict, "OCCLUDED_RECORD");

        var data = await (await PointerRecord.To("MX", child.Fqdn("mail")).PostAsync(parent)).AssertSuccessAsync(HttpStatusCode.Created);

        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
    }

    [Fact]
    public async Task Create_MxToNameWhoseCnameIsInTheChildZone_Returns409NamingTheChildsCname()
    {
        using var client = api.CreateAuthenticatedClient();
        var (parent, child) = await ParentAndChildAsync(client);
        await child.AddAsync("mail", "CNAME", "child-target.example.net.");
        var before = await parent.SnapshotAsync();

        var response = await PointerRecord.To("MX", child.Fqdn("mail")).PostAsync(parent);

        var message = await parent.AssertRefusedAsync(response, HttpStatusCode.Conflict, "TARGET_IS_CNAME", before);
        RuleMessages.AssertNamesHost(message, "child-target.example.net.");
    }

    [Fact]
    public async Task Create_CnameToNameWhoseAliasTheParentZoneWasRefused_Returns201WithoutCnameChainWarning()
    {
        using var client = api.CreateAuthenticatedClient();
        var (parent, child) = await ParentAndChildAsync(client);
        await (await parent.PostAsync("www.dev", "CNAME", "real.example.net.")).AssertErrorAsync(HttpStatusCode.Conflict, "OCCLUDED_RECORD");
        await child.AddAsync("www", "A", "192.0.2.1");

        var data = await parent.AddAsync("site", "CNAME", child.Fqdn("www"));

        RuleMessages.AssertNoWarnings(data);
    }

    [Fact]
    public async Task Create_CnameClosingALoopThroughTheChildZone_Returns409CnameLoop()
    {
        using var client = api.CreateAuthenticatedClient();
        var (parent, child) = await ParentAndChildAsync(client);
        await child.AddAsync("a", "CNAME", parent.Fqdn("b"));
        var before = await parent.SnapshotAsync();

        var response = await parent.PostAsync("b", "CNAME", child.Fqdn("a"));

        await parent.AssertRefusedAsync(response, HttpStatusCode.Conflict, "CNAME_LOOP", before);
    }

    [Fact]
    public async Task Create_CnameWhoseLoopWouldRunThroughARefusedParentRecordBelowTheChild_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var (parent, child) = await ParentAndChildAsync(client);
        await (await parent.PostAsync("a.dev", "CNAME", parent.Fqdn("b"))).AssertErrorAsync(HttpStatusCode.Conflict, "OCCLUDED_RECORD");

        var data = await parent.AddAsync("b", "CNAME", child.Fqdn("a"));

        Assert.Equal(["TARGET_DOES_NOT_RESOLVE"], RuleMessages.WarningCodes(data));
    }

    private static async Task<(TestZone Parent, TestZone Child)> ParentAndChildAsync(HttpClient client)
    {
        var parent = await TestZone.CreateAsync(client);
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = "dev." + parent.Name });
        var child = TestZone.Open(client, (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone"));
        return (parent, child);
    }
}
