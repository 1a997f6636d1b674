using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Import;

/// <summary>
/// An app whose zones may hold 100,000 records and more. Its single requests keep the product's default bound of 5 s,
/// and the whole-zone routes get 120 s (ZoneApi:WholeZoneTimeoutSeconds, default 60): the suite shares two cores with
/// other work, and a 100,000-row write there takes far longer than on a quiet machine. So these tests also show that an
/// import is not held to the single-request bound.
/// </summary>
public sealed class LargeZonesFactory : ZoneApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ZoneApi:Quotas:RecordsPerZone", "0");
        builder.UseSetting("ZoneApi:DatabaseTimeoutSeconds", "5");
        builder.UseSetting("ZoneApi:WholeZoneTimeoutSeconds", "120");
    }
}

/// <summary>A 100,000-record import goes through the same rules as a small one, in one transaction; the times are reported, not asserted.</summary>
public sealed class LargeImportTests(LargeZonesFactory api, ITestOutputHelper output) : IClassFixture<LargeZonesFactory>
{
    private const int Records = 100_000;

    [Fact]
    public async Task Import_100kRecordsWithOneCnameConflict_IsRefusedNamingItsLine()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var before = await zone.SnapshotAsync();
        var lines = BigZone();
        // Line 73,123 of the file (2 header lines before the records): a CNAME beside the A record of h1 (which nothing points at).
        lines[73_123 - 3] = "h1 CNAME elsewhere.example.net.";

        var clock = Stopwatch.StartNew();
        var response = await zone.ImportAsync(zone.File(lines), "replace");
        output.WriteLine($"refused 100k import: {clock.ElapsedMilliseconds} ms");

        var error = await response.AssertErrorAsync(HttpStatusCode.Conflict, "CNAME_CONFLICT");
        Assert.Equal(["line 73123"], error.Details().Select(d => d.Field));
        await zone.AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Import_Clean100kRecords_ImportsAllAtOnce()
    {
        using var client = api.CreateAuthenticatedClient();
        var zone = await TestZone.CreateAsync(client);
        var serial = await zone.SoaSerialAsync();
        var file = zone.File(BigZone());

        var clock = Stopwatch.StartNew();
        var dryRun = await zone.ImportOkAsync(file, "replace", dryRun: true);
        output.WriteLine($"100k dry run: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var data = await zone.ImportOkAsync(file, "replace");
        output.WriteLine($"100k import (replace): {clock.ElapsedMilliseconds} ms");

        Assert.Equal(Records, dryRun.Added().Count);
        Assert.Equal(Records, data.Added().Count);
        Assert.Equal(serial + 1, await zone.SoaSerialAsync());
        var page = await zone.ListPageAsync("?offset=99950&limit=1000");
        Assert.Equal(Records + 3, page.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(53, page.GetProperty("records").GetArrayLength());
        clock.Restart();
        var again = await zone.ImportOkAsync(await zone.ExportAsync(), "replace", dryRun: true);
        output.WriteLine($"export + 100k dry run of it: {clock.ElapsedMilliseconds} ms");
        Assert.Equal((0, 0, 0), (again.Added().Count, again.Removed().Count, again.Changed().Count));
    }

    /// <summary>
    /// 100,000 records of the kinds a big zone holds: addresses, aliases to them, MX and SRV to hosts with addresses, TXT.
    /// Host i has an A record; one in ten also a CNAME alias, an MX and a TXT at other names.
    /// </summary>
    private static string[] BigZone()
    {
        var lines = new List<string>(Records);
        for (var i = 0; lines.Count < Records; i++)
        {
            lines.Add($"h{i} A 10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}");
            if (i % 10 == 0 && lines.Count + 4 <= Records)
            {
                lines.Add($"alias{i} CNAME h{i}");
                lines.Add($"m{i} MX 10 h{i}");
                lines.Add($"_sip._tcp.m{i} SRV 0 5 5060 h{i}");
                lines.Add($"m{i} TXT \"v=spf1 a:h{i}.example.net -all\"");
            }
        }

        return [.. lines];
    }
}
