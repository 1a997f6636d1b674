using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>A record's name must fall inside the zone it is written to, at a label boundary.</summary>
public sealed class NameOutsideZoneTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData("www.other.example.")]
    [InlineData("WWW.OTHER.EXAMPLE.")]
    [InlineData("example.")]
    [InlineData("{zone}.evil.example.")]
    [InlineData("x{zone}.")]
    [InlineData("www.x{zone}.")]
    public async Task Create_NameOutsideZone_Returns400NameOutsideZoneAndChangesNothing(string nameTemplate)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var name = nameTemplate.Replace("{zone}", zone.Name, StringComparison.Ordinal);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync(name, "A", "192.0.2.1");

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE", before);
        AssertNamesNameOrZone(message, name, zone);
    }

    [Theory]
    [InlineData("CNAME", "target.example.net.")]
    [InlineData("A", "192.0.2.1")]
    public async Task Create_NameOfAnotherHostedZone_Returns400AndChangesNeitherZone(string type, string content)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var other = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();
        var otherBefore = await other.SnapshotAsync();

        var apexResponse = await zone.PostAsync(other.Apex, type, content);
        var belowResponse = await zone.PostAsync(other.Fqdn("www"), type, content);

        var message = await zone.AssertRefusedAsync(apexResponse, HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE", before);
        AssertNamesNameOrZone(message, other.Apex, zone);
        await zone.AssertRefusedAsync(belowResponse, HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE", before);
        await other.AssertUnchangedAsync(otherBefore);
    }

    [Theory]
    [InlineData("www.{zone}")]
    [InlineData("www.{zone}.")]
    [InlineData("WWW.{ZONE}.")]
    [InlineData("www")]
    public async Task Create_NameInsideZone_Returns201WithAbsoluteLowerCaseName(string nameTemplate)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var name = nameTemplate.Replace("{zone}", zone.Name, StringComparison.Ordinal)
            .Replace("{ZONE}", zone.Name.ToUpperInvariant(), StringComparison.Ordinal);

        var record = await zone.AddRecordAsync(name, "A", "192.0.2.1");

        Assert.Equal(zone.Fqdn("www"), record.Str("name"));
    }

    private static void AssertNamesNameOrZone(string message, string name, TestZone zone) =>
        Assert.True(
            message.Contains(name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            || message.Contains(zone.Name, StringComparison.OrdinalIgnoreCase),
            $"expected the message to name {name} or the zone {zone.Name}: \"{message}\"");
}
