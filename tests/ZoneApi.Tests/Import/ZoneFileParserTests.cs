using ZoneApi.Import;

namespace ZoneApi.Tests.Import;

/// <summary>The master-file reader alone (RFC 1035 §5), no database: what each line becomes, and which lines are refused.</summary>
public sealed class ZoneFileParserTests
{
    private const string Zone = "example.com";

    private static ZoneFileEntry Single(string text)
    {
        var parsed = ZoneFileParser.Parse(text, Zone);
        Assert.Empty(parsed.Problems);
        return Assert.Single(parsed.Entries);
    }

    [Theory]
    [InlineData("www 300 IN A 192.0.2.1", "www.example.com.", "A", "192.0.2.1", 300)]
    [InlineData("www IN 300 A 192.0.2.1", "www.example.com.", "A", "192.0.2.1", 300)]
    [InlineData("www A 192.0.2.1", "www.example.com.", "A", "192.0.2.1", null)]
    [InlineData("@ 1h MX 10 mail", "example.com.", "MX", "10 mail.example.com.", 3600)]
    [InlineData("www.example.com. 1d2h cname @", "www.example.com.", "CNAME", "example.com.", 93600)]
    [InlineData("_sip._tcp SRV 0 5 5060 sip", "_sip._tcp.example.com.", "SRV", "0 5 5060 sip.example.com.", null)]
    [InlineData("www HTTPS 1 . alpn=h2", "www.example.com.", "HTTPS", "1 . alpn=h2", null)]
    [InlineData("www HTTPS 0 cdn", "www.example.com.", "HTTPS", "0 cdn.example.com.", null)]
    [InlineData("@ CAA 0 issue \"letsencrypt.org\"", "example.com.", "CAA", "0 issue \"letsencrypt.org\"", null)]
    [InlineData("@ NAPTR 100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp", "example.com.", "NAPTR", "100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.", null)]
    [InlineData("1 PTR host.example.net.", "1.example.com.", "PTR", "host.example.net.", null)]
    public void Parse_RecordLine_GivesTheFieldsACreateTakes(string line, string owner, string type, string content, int? ttl)
    {
        var entry = Single(line);

        Assert.Equal((owner, type, content, ttl), (entry.Owner, entry.Type, entry.Content, entry.Ttl));
    }

    [Fact]
    public void Parse_DirectivesBlankOwnersAndParentheses_FollowRfc1035()
    {
        var text = """
            $ORIGIN example.com.
            $TTL 600
            @ IN SOA ns1 hostmaster ( 1 ; serial
                     3600 600 86400 ; timers
                     300 )
              IN NS ns1.example.net.
            $ORIGIN sub.example.com.
            www A 192.0.2.1 ; a comment
                AAAA 2001:db8::1
            """;

        var parsed = ZoneFileParser.Parse(text, Zone);

        Assert.Empty(parsed.Problems);
        Assert.Equal(
            [(3, "example.com.", "SOA", 600), (6, "example.com.", "NS", 600), (8, "www.sub.example.com.", "A", 600), (9, "www.sub.example.com.", "AAAA", 600)],
            parsed.Entries.Select(e => (e.Line, e.Owner, e.Type, e.Ttl ?? 0)));
    }

    [Fact]
    public void Parse_TxtStrings_AreJoinedUnescapedAndQuotedOnce()
    {
        var entry = Single("@ TXT \"v=spf1 \" \"-all\" \"say \\\"hi\\\"\" \\240\\159\\152\\128 plain");

        Assert.Equal("\"v=spf1 -allsay \"hi\"😀plain\"", entry.Content);
    }

    [Fact]
    public void Parse_TxtWithSemicolonAndParenthesesInQuotes_KeepsThem()
    {
        var entry = Single("@ TXT ( \"v=DMARC1; p=reject\" \"(x)\" )");

        Assert.Equal("\"v=DMARC1; p=reject(x)\"", entry.Content);
    }

    [Fact]
    public void Parse_AliasCommentLine_IsAnAliasRecord()
    {
        var entry = Single("; ALIAS @ 300 lb.example.net.");

        Assert.Equal(("example.com.", "ALIAS", "lb.example.net.", (int?)300), (entry.Owner, entry.Type, entry.Content, entry.Ttl));
    }

    [Fact]
    public void Parse_ByteOrderMarkAndCrLf_AreNotData()
    {
        var entry = Single("\uFEFF$ORIGIN example.com.\r\nwww 300 IN A 192.0.2.1 ; note\r\n");

        Assert.Equal(("www.example.com.", "192.0.2.1", 2), (entry.Owner, entry.Content, entry.Line));
    }

    [Fact]
    public void Parse_OtherComments_AreNothing()
    {
        Assert.Empty(ZoneFileParser.Parse("; just a note\n;ALIASES are nice\n", Zone).Entries);
    }

    [Theory]
    [InlineData("$INCLUDE other.zone", 1, "$INCLUDE")]
    [InlineData("www A 192.0.2.1\nwww 3600 CH A 192.0.2.1", 2, "class CH")]
    [InlineData("www DNSKEY 256 3 8 AwEAAa==", 1, "DNSKEY is not a record type")]
    [InlineData("www TXT \"open", 1, "not closed")]
    [InlineData("www MX ( 10\n mail.example.net.", 1, "never closed")]
    [InlineData("  A 192.0.2.1", 1, "previous owner")]
    [InlineData("$GENERATE 1-10 host$ A 192.0.2.$", 1, "not a directive")]
    [InlineData("www A", 1, "no data")]
    [InlineData("www TYPE65534 \\# 0", 1, "TYPE65534")]
    [InlineData("; ALIAS www", 1, "ALIAS comment line")]
    public void Parse_BrokenLine_IsAProblemOnItsLine(string text, int line, string reason)
    {
        var parsed = ZoneFileParser.Parse(text, Zone);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProblemsOnSeveralLines_AreAllReportedInLineOrder()
    {
        var parsed = ZoneFileParser.Parse("www A 192.0.2.1\n$INCLUDE x\nok A 192.0.2.2\nbad FOO 1\n", Zone);

        Assert.Equal([2, 4], parsed.Problems.Select(p => p.Line));
        Assert.Equal(2, parsed.Entries.Count);
    }

    [Fact]
    public void Parse_MoreRecordsThanTheBound_StopsWithAQuotaProblem()
    {
        var text = string.Concat(Enumerable.Range(1, 10).Select(i => $"h{i} A 192.0.2.{i}\n"));

        var parsed = ZoneFileParser.Parse(text, Zone, maxEntries: 5);

        Assert.Equal("QUOTA_EXCEEDED", Assert.Single(parsed.Problems).Code);
    }

    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("1w", 604800)]
    [InlineData("1h30m", 5400)]
    [InlineData("2D", 172800)]
    public void TryParseTtl_SecondsAndBindUnits(string text, int seconds)
    {
        Assert.True(ZoneFileParser.TryParseTtl(text, out var ttl));
        Assert.Equal(seconds, ttl);
    }

    [Theory]
    [InlineData("IN")]
    [InlineData("1x")]
    [InlineData("99999999999")]
    public void TryParseTtl_NotATtl(string text) => Assert.False(ZoneFileParser.TryParseTtl(text, out _));

    [Fact]
    public void UnescapeNonAscii_UndoesTheExportsEscapes()
    {
        Assert.Equal("0 issue \"ca.b\u00fccher.example\"", ZoneFileRdata.UnescapeNonAscii("0 issue \"ca.b\\195\\188cher.example\""));
        Assert.Equal("\\\\ \\065", ZoneFileRdata.UnescapeNonAscii("\\\\ \\065"));
    }
}
