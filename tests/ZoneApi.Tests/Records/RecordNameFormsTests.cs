using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Records;

/// <summary>Every accepted spelling of a record's owner name becomes one absolute, lower-case name with the dot (CONTRACT A3, B10).</summary>
public sealed class RecordNameFormsTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("@", "")]
    [InlineData("", "")]
    [InlineData("{zone}", "")]
    [InlineData("{zone}.", "")]
    [InlineData("{ZONE}", "")]
    [InlineData("www", "www.")]
    [InlineData("WwW", "www.")]
    [InlineData("www.{zone}", "www.")]
    [InlineData("www.{zone}.", "www.")]
    [InlineData("_dmarc", "_dmarc.")]
    [InlineData("_sip._tcp", "_sip._tcp.")]
    [InlineData("_acme-challenge.api", "_acme-challenge.api.")]
    [InlineData("*.dev", "*.dev.")]
    [InlineData("*", "*.")]
    [InlineData("a.b.c", "a.b.c.")]
    [InlineData("bücher", "xn--bcher-kva.")]
    public async Task Create_NameForm_ReturnsTheAbsoluteLowerCaseName(string name, string prefix)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);

        var record = await zone.AddRecordAsync(
            name.Replace("{zone}", zone.Name).Replace("{ZONE}", zone.Name.ToUpperInvariant()), "TXT", "hello");

        Assert.Equal(prefix + zone.Apex, record.Str("name"));
    }

    [Fact]
    public async Task Create_SameOwnerInEveryForm_IsOneRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var forms = new[] { "www", "WWW", $"www.{zone.Name}", $"www.{zone.Name}.", $"WWW.{zone.Name.ToUpperInvariant()}." };

        var ids = new List<string>();
        foreach (var form in forms)
        {
            ids.Add((await zone.AddRecordAsync(form, "A", "192.0.2.1")).Str("id"));
        }

        Assert.Single(ids.Distinct());
        Assert.Single(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }

    [Fact]
    public async Task DeleteByName_UnicodeName_FindsThePunycodeRecord()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddRecordAsync("bücher", "A", "192.0.2.1");

        var response = await zone.DeleteByNameAsync($"xn--bcher-kva.{zone.Name}.", "A");

        await RecordAssert.NoContentAsync(response);
        Assert.DoesNotContain(await zone.RecordsAsync(), r => r.Str("type") == "A");
    }
}
