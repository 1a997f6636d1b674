namespace ZoneApi.Tests.Dns;

public sealed class SrvContentTests
{
    [Theory]
    [InlineData("10 5 5060 sip.example.com.", null)]
    [InlineData("10 5 5060 SIP.example.com", null)]
    [InlineData("10\t5  5060   sip.example.com", 0)]
    [InlineData("5 5060 sip.example.com", 10)]
    public void Parse_FourOrThreeFields_ReturnsFourFieldContent(string content, int? priority)
    {
        var result = ContentAssert.Valid("SRV", content, priority);

        Assert.Equal("10 5 5060 sip.example.com.", result.Content);
        Assert.Equal("10 5 5060 sip.example.com.", result.Data);
        Assert.Equal(10, result.Priority);
        Assert.Equal("sip.example.com.", result.Target);
    }

    [Fact]
    public void Parse_ThreeFieldsWithoutPriority_PrependsZero()
    {
        var result = ContentAssert.Valid("SRV", "5 5060 sip.example.com");

        Assert.Equal("0 5 5060 sip.example.com.", result.Content);
        Assert.Equal(0, result.Priority);
    }

    [Fact]
    public void Parse_ContentAndRequestPriorityDisagree_ContentWins()
    {
        var result = ContentAssert.Valid("SRV", "10 5 5060 sip.example.com.", priority: 0);

        Assert.Equal(10, result.Priority);
        Assert.Equal("10 5 5060 sip.example.com.", result.Content);
    }

    [Fact]
    public void Parse_RootTarget_MeansNoServiceAndHasNoTarget()
    {
        var result = ContentAssert.Valid("SRV", "0 0 0 .");

        Assert.Equal("0 0 0 .", result.Content);
        Assert.Null(result.Target);
    }

    [Theory]
    [InlineData("10 5", null, "content")]
    [InlineData("10 5 5060 sip.example.com. extra", null, "content")]
    [InlineData("10 5 65536 sip.example.com.", null, "content")]
    [InlineData("10 -5 5060 sip.example.com.", null, "content")]
    [InlineData("10 5 5060 sip", null, "content")]
    [InlineData("5 5060 sip.example.com", 70000, "priority")]
    public void Parse_BadSrv_ReturnsInvalid(string content, int? priority, string field)
    {
        var result = ContentAssert.Invalid("SRV", content, priority);

        Assert.Equal(field, result.Field);
    }
}
