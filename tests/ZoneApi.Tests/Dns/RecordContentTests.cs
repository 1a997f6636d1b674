using ZoneApi.Dns;
using ZoneApi.Dns.Content;

namespace ZoneApi.Tests.Dns;

public sealed class RecordContentTests
{
    [Fact]
    public void Parse_Soa_ReturnsNotWritable()
    {
        var result = RecordContent.Parse("soa", "ns1.example.com. hostmaster.example.com. 1 2 3 4 5", null);

        var notWritable = Assert.IsType<RecordContentResult.NotWritable>(result);
        Assert.Equal("SOA", notWritable.Type);
    }

    [Theory]
    [InlineData("SPF")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_UnknownType_ListsSupportedTypes(string? type)
    {
        var result = RecordContent.Parse(type, "v=spf1 -all", null);

        var invalid = Assert.IsType<RecordContentResult.Invalid>(result);
        Assert.Equal("type", invalid.Field);
        Assert.Equal("must be one of A, AAAA, ALIAS, CAA, CNAME, HTTPS, MX, NAPTR, NS, PTR, SRV, SSHFP, SVCB, TLSA, TXT", invalid.Reason);
    }

    [Theory]
    [InlineData("A", "")]
    [InlineData("TXT", null)]
    public void Parse_EmptyContent_ReturnsInvalid(string type, string? content)
    {
        var result = RecordContent.Parse(type, content, null);

        Assert.Equal(new RecordContentResult.Invalid("content", "must not be empty"), result);
    }

    [Theory]
    [InlineData("SRV", "10 5 5060 sip.example.com.\n")]
    [InlineData("CAA", "0 issue \"letsencrypt.org\0\"")]
    [InlineData("MX", "10 mail.example.com.\r")]
    public void Parse_LineBreakOrNul_ReturnsInvalid(string type, string content)
    {
        var result = RecordContent.Parse(type, content, 10);

        var invalid = Assert.IsType<RecordContentResult.Invalid>(result);
        Assert.Equal("must not contain line breaks, NUL or other control characters", invalid.Reason);
    }

    [Fact]
    public void Parse_HugeContent_ReturnsInvalid()
    {
        var result = RecordContent.Parse("TLSA", "3 1 0 " + new string('a', 20_000), null);

        Assert.Equal(new RecordContentResult.Invalid("content", "is longer than 16384 characters"), result);
    }

    [Fact]
    public void Parse_EveryUserWritableType_HasAParser()
    {
        foreach (var type in RecordTypes.UserWritable)
        {
            Assert.IsNotType<RecordContentResult.NotWritable>(RecordContent.Parse(type, "x", 1));
        }
    }
}
