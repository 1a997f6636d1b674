using System.Net;
using System.Net.Http.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>
/// Owner and type together: the writes BIND would refuse to load (named-checkzone -k fail) are 400s naming
/// the field, and the zone is left as it was; the near misses that BIND loads are accepted.
/// </summary>
public sealed class OwnerTypeRuleTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("*", "NS", "ns1.example.net.")]
    [InlineData("*.wn", "NS", "ns1.example.net.")]
    public async Task Create_NsAtAWildcard_Returns400WildcardNsAndChangesNothing(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name, type, content });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "WILDCARD_NS");
        Assert.Equal(["name"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Theory]
    [InlineData("_x", "A", "192.0.2.1")]
    [InlineData("a_b.c", "AAAA", "2001:db8::1")]
    [InlineData("_mail", "MX", "10 mail.example.net.")]
    public async Task Create_OwnerThatCannotHoldTheType_Returns400OnNameAndChangesNothing(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(new { name, type, content });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["name"], error.Fields());
        Assert.Equal(before, await zone.SnapshotAsync());
    }

    [Fact]
    public async Task PutById_NsRenamedToAWildcard_Returns400WildcardNs()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var record = await zone.AddRecordAsync("child", "NS", "ns1.example.net.");

        var response = await zone.PutAsync(record.Str("id"), new { name = "*.child", type = "NS", content = "ns1.example.net." });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "WILDCARD_NS");
        Assert.Equal(["name"], error.Fields());
    }

    [Theory]
    [InlineData("*", "A", "192.0.2.1")]
    [InlineData("*.mail", "MX", "10 mail.example.net.")]
    [InlineData("_x", "NS", "ns1.example.net.")]
    [InlineData("_x", "TXT", "anything")]
    [InlineData("p", "PTR", "_http._tcp.example.net.")]
    public async Task Create_OwnerThatBindLoads_Returns201(string name, string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var response = await zone.PostAsync(new { name, type, content });

        await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("_x.example.net.")]
    [InlineData("*.example.net.")]
    public async Task Create_NonHostPtrInAReverseZone_Returns400OnContent(string target)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await CreateReverseZoneAsync(client);

        var response = await zone.PostAsync(new { name = "1", type = "PTR", content = target });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["content"], error.Fields());
    }

    [Fact]
    public async Task Create_HostPtrInAReverseZone_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await CreateReverseZoneAsync(client);

        var response = await zone.PostAsync(new { name = "1", type = "PTR", content = "host-1.example.net." });

        await response.AssertSuccessAsync(HttpStatusCode.Created);
    }

    private static async Task<TestZone> CreateReverseZoneAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/v1/zones", new { name = $"z{Guid.NewGuid():N}"[..16] + ".in-addr.arpa" });
        var created = (await response.AssertSuccessAsync(HttpStatusCode.Created)).GetProperty("zone");
        return TestZone.Open(client, created);
    }
}
