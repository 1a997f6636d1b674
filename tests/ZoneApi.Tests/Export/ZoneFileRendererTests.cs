using ZoneApi.Export;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Export;

/// <summary>Records as master-file lines (RFC 1035 §5), without a database.</summary>
public sealed class ZoneFileRendererTests
{
    private const string Zone = "example.com";

    [Fact]
    public void Header_NamesOriginAndDefaultTtl()
    {
        var header = ZoneFileRenderer.Header(Zone, 3600);

        Assert.Equal("$ORIGIN example.com.\n$TTL 3600\n", header);
    }

    [Theory]
    [InlineData("example.com.", "@")]
    [InlineData("www.example.com.", "www")]
    [InlineData("*.dev.example.com.", "*.dev")]
    [InlineData("_dmarc.example.com.", "_dmarc")]
    [InlineData("xn--bcher-kva.example.com.", "xn--bcher-kva")]
    [InlineData("wwwexample.com.", "wwwexample.com.")] // not below the origin: absolute, never cut mid-label
    public void RelativeOwner_NamesInTheZone_AreRelative(string name, string expected)
    {
        var owner = ZoneFileRenderer.RelativeOwner(Zone, name);

        Assert.Equal(expected, owner);
    }

    [Theory]
    [InlineData("www.example.com.", "A", "192.0.2.1", null, 300, "www\t300\tIN\tA\t192.0.2.1")]
    [InlineData("example.com.", "MX", "mail.example.net.", 10, 3600, "@\t3600\tIN\tMX\t10 mail.example.net.")]
    [InlineData("example.com.", "MX", ".", 0, 3600, "@\t3600\tIN\tMX\t0 .")]
    [InlineData("_sip._tcp.example.com.", "SRV", "10 5 5060 sip.example.com.", 10, 120, "_sip._tcp\t120\tIN\tSRV\t10 5 5060 sip.example.com.")]
    [InlineData("example.com.", "CAA", "0 issue \"letsencrypt.org\"", null, 3600, "@\t3600\tIN\tCAA\t0 issue \"letsencrypt.org\"")]
    [InlineData("example.com.", "ALIAS", "lb.example.net.", null, 600, "; ALIAS @ 600 lb.example.net.")]
    [InlineData("*.example.com.", "CNAME", "www.example.com.", null, 3600, "*\t3600\tIN\tCNAME\twww.example.com.")]
    public void Line_EachType_IsOwnerTtlClassTypeData(string name, string type, string content, int? priority, int ttl, string expected)
    {
        var line = ZoneFileRenderer.Line(Zone, new ZoneFileRecord(name, type, content, priority, ttl));

        Assert.Equal(expected, line);
    }

    [Theory]
    [InlineData("v=spf1 -all", "\"v=spf1 -all\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("a; b (c) $d @e", "\"a; b (c) $d @e\"")]
    [InlineData("café", "\"caf\\195\\169\"")]
    [InlineData("日本", "\"\\230\\151\\165\\230\\156\\172\"")]
    public void Rdata_Txt_QuotesAndEscapesPerRfc1035(string value, string expected)
    {
        var rdata = ZoneFileRenderer.Rdata(new ZoneFileRecord("example.com.", "TXT", value, null, 3600));

        Assert.Equal(expected, rdata);
    }

    [Fact]
    public void Rdata_TxtOver255Octets_IsSplitInto255OctetStrings()
    {
        var value = new string('a', 255) + new string('b', 255) + "c";

        var rdata = ZoneFileRenderer.Rdata(new ZoneFileRecord("example.com.", "TXT", value, null, 3600));

        Assert.Equal($"\"{new string('a', 255)}\" \"{new string('b', 255)}\" \"c\"", rdata);
    }

    [Fact]
    public void Rdata_TxtWithEscapedCharacters_SplitsByOctetsNotByEscapes()
    {
        // 254 'a' and then a two-octet é: the é would make 256 octets, so it starts the second string, whole.
        var value = new string('a', 254) + "é\"";

        var rdata = ZoneFileRenderer.Rdata(new ZoneFileRecord("example.com.", "TXT", value, null, 3600));

        Assert.Equal($"\"{new string('a', 254)}\" \"\\195\\169\\\"\"", rdata);
    }

    [Fact]
    public void Rdata_NonAsciiInOtherTypes_BecomesDecimalEscapes()
    {
        var rdata = ZoneFileRenderer.Rdata(new ZoneFileRecord("example.com.", "CAA", "0 tbs \"ü\"", null, 3600));

        Assert.Equal("0 tbs \"\\195\\188\"", rdata);
    }

    [Fact]
    public void Line_LongestName_StaysOneLine()
    {
        var label = new string('a', 63);
        var name = $"{label}.{label}.{label}.{new string('b', 49)}.{Zone}.";

        var line = ZoneFileRenderer.Line(Zone, new ZoneFileRecord(name, "AAAA", "2001:db8::1", null, 3600));

        Assert.Equal(253, name.Length - 1);
        Assert.Equal($"{label}.{label}.{label}.{new string('b', 49)}\t3600\tIN\tAAAA\t2001:db8::1", line);
    }

    [Fact]
    public async Task Line_WholeZone_LoadsInBind()
    {
        var file = ZoneFileRenderer.Header(Zone, 3600) + string.Join('\n', new[]
        {
            new ZoneFileRecord("example.com.", "SOA", "ns1.example.net. hostmaster.example.net. 2026120201 10800 3600 604800 3600", null, 3600),
            new ZoneFileRecord("example.com.", "NS", "ns1.example.net.", null, 3600),
            new ZoneFileRecord("example.com.", "ALIAS", "lb.example.net.", null, 600),
            new ZoneFileRecord("*.example.com.", "TXT", "wild \"card\" \\ café " + new string('x', 300), null, 300),
            new ZoneFileRecord("xn--bcher-kva.example.com.", "A", "192.0.2.7", null, 300),
        }.Select(r => ZoneFileRenderer.Line(Zone, r))) + "\n";

        var refusal = await NamedCheckzone.RefusalAsync(Zone, file);

        Assert.Null(refusal);
    }
}
