using ZoneApi.Export;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Export;

/// <summary>What an AXFR comparison needs: the export and a transfer's text normalised alike, ALIAS lines read back.</summary>
public sealed class ZoneFileComparisonTests
{
    private const string Zone = "example.com";
    private const string Hex64 = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";

    private static readonly ZoneFileRecord[] Records =
    [
        new("example.com.", "SOA", "ns1.example.net. hostmaster.example.net. 2026120201 10800 3600 604800 3600", null, 3600),
        new("example.com.", "ALIAS", "lb.example.net.", null, 600),
        new("example.com.", "MX", "mail.example.net.", 10, 3600),
        new("example.com.", "NS", "ns1.example.net.", null, 3600),
        new("www.example.com.", "HTTPS", "1 . alpn=\"h2,h3\" port=443", null, 300),
        new("www.example.com.", "TLSA", "3 1 1 " + Hex64, null, 300),
        new("www.example.com.", "TXT", "say \"hi\" café", null, 300),
    ];

    [Fact]
    public async Task Canonical_ExportAndTransferText_AreEqual()
    {
        var export = ZoneFileRenderer.Header(Zone, 3600) + string.Concat(Records.Select(r => ZoneFileRenderer.Line(Zone, r) + "\n"));
        // As `dig AXFR` prints a transfer: absolute names, the SOA first and last, BIND's spacing, its own record order.
        var transfer = string.Join('\n',
            "example.com.\t\t3600\tIN\tSOA\tns1.example.net. hostmaster.example.net. 2026120201 10800 3600 604800 3600",
            "www.example.com.\t300\tIN\tTXT\t\"say \\\"hi\\\" caf\\195\\169\"",
            $"www.example.com.\t300\tIN\tTLSA\t3 1 1 {Hex64[..40]} {Hex64[40..]}",
            "www.example.com.\t300\tIN\tHTTPS\t1 . alpn=\"h2,h3\" port=443",
            "example.com.\t\t3600\tIN\tNS\tns1.example.net.",
            "example.com.\t\t3600\tIN\tMX\t10 mail.example.net.",
            "example.com.\t\t3600\tIN\tSOA\tns1.example.net. hostmaster.example.net. 2026120201 10800 3600 604800 3600") + "\n";

        var canonicalExport = await NamedCompilezone.CanonicalAsync(Zone, export);
        var canonicalTransfer = await NamedCompilezone.CanonicalAsync(Zone, transfer);

        Assert.Equal(canonicalExport, canonicalTransfer);
        Assert.Equal(6, canonicalExport.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Canonical_TransferMissingARecord_DiffersFromExport()
    {
        var export = ZoneFileRenderer.Header(Zone, 3600) + string.Concat(Records.Select(r => ZoneFileRenderer.Line(Zone, r) + "\n"));
        var shorter = ZoneFileRenderer.Header(Zone, 3600) + string.Concat(Records.SkipLast(1).Select(r => ZoneFileRenderer.Line(Zone, r) + "\n"));

        Assert.NotEqual(await NamedCompilezone.CanonicalAsync(Zone, export), await NamedCompilezone.CanonicalAsync(Zone, shorter));
    }

    [Theory]
    [InlineData("example.com.", "@")]
    [InlineData("www.example.com.", "www")]
    public void TryParseAliasComment_RenderedAlias_GivesTheRecordBack(string name, string owner)
    {
        var alias = new ZoneFileRecord(name, "ALIAS", "lb.example.net.", null, 600);
        var line = ZoneFileRenderer.Line(Zone, alias);

        var parsed = ZoneFileRenderer.TryParseAliasComment(Zone, line);

        Assert.Equal($"; ALIAS {owner} 600 lb.example.net.", line);
        Assert.Equal(alias, parsed);
    }

    [Theory]
    [InlineData("; a comment")]
    [InlineData("; ALIAS @ soon lb.example.net.")]
    [InlineData("@\t3600\tIN\tA\t192.0.2.1")]
    public void TryParseAliasComment_OtherLines_IsNull(string line)
    {
        Assert.Null(ZoneFileRenderer.TryParseAliasComment(Zone, line));
    }
}
