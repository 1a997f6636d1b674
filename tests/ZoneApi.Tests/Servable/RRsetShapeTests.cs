using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Servable;

/// <summary>
/// Values that cannot share an RRset, in either order: a null MX ("0 .") beside other MX records (RFC 7505 §3), and
/// an HTTPS or SVCB AliasMode record (priority 0) beside another AliasMode or a ServiceMode record of its type
/// (RFC 9460 §2.4.2).
/// </summary>
public sealed class RRsetShapeTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_NullMxBesideOtherMx_Returns409NullMxConflictInEitherOrder(bool nullFirst)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        (string Content, int Priority) nullMx = (".", 0), mail = ("mail.example.net.", 10);
        var (first, second) = nullFirst ? (nullMx, mail) : (mail, nullMx);
        await zone.AddAsync("@", "MX", first.Content, first.Priority);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", "MX", second.Content, second.Priority);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NULL_MX_CONFLICT", before);
        Assert.Contains("RFC 7505", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_LastOtherMxIntoNullMxBesideAnother_Returns409()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var mx = await zone.AddRecordAsync("@", "MX", "mail.example.net.", 10);
        await zone.AddAsync("@", "MX", "backup.example.net.", 20);
        var before = await zone.SnapshotAsync();

        var response = await zone.PutAsync(mx.Str("id"), "@", "MX", ".", 0);

        await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "NULL_MX_CONFLICT", before);
    }

    [Fact]
    public async Task Create_NullMxAloneAndMxElsewhere_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("www", "MX", "mail.example.net.", 10);

        var data = await zone.AddAsync("@", "MX", ".", 0);

        Assert.Equal(".", data.GetProperty("record").Str("content"));
    }

    public static TheoryData<string, string, string> AliasModeConflicts => new()
    {
        { "HTTPS", "0 a.example.net.", "0 b.example.net." },
        { "HTTPS", "0 a.example.net.", "1 . alpn=h2" },
        { "HTTPS", "1 . alpn=h2", "0 a.example.net." },
        { "SVCB", "0 a.example.net.", "0 b.example.net." },
        { "SVCB", "2 svc.example.net. port=8443", "0 a.example.net." },
    };

    [Theory]
    [MemberData(nameof(AliasModeConflicts))]
    public async Task Create_AliasModeBesideAnotherRecordOfItsType_Returns409SvcbAliasModeConflict(string type, string first, string second)
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", type, first);
        var before = await zone.SnapshotAsync();

        var response = await zone.PostAsync("@", type, second);

        var message = await zone.AssertRefusedAsync(response, HttpStatusCode.Conflict, "SVCB_ALIAS_MODE_CONFLICT", before);
        Assert.Contains("RFC 9460", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_HttpsAliasModeBesideSvcbServiceModeAndServiceModesTogether_Returns201()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        await zone.AddAsync("@", "SVCB", "1 . alpn=h2");
        await zone.AddAsync("www", "HTTPS", "1 . alpn=h2");
        await zone.AddAsync("www", "HTTPS", "2 backup.example.net. alpn=h2");

        var data = await zone.AddAsync("@", "HTTPS", "0 cdn.example.net.");

        Assert.Equal("0 cdn.example.net.", data.GetProperty("record").Str("content"));
    }
}
