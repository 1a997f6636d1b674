namespace ZoneApi.Tests.Dns;

public sealed class CaaContentTests
{
    [Theory]
    [InlineData("0 issue \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"")]
    [InlineData("0 issue letsencrypt.org", "0 issue \"letsencrypt.org\"")]
    [InlineData("0   ISSUE   \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"")]
    [InlineData("128 issuewild \";\"", "128 issuewild \";\"")]
    [InlineData("0 issue \"\"", "0 issue \"\"")]
    [InlineData("0 issue \"letsencrypt.org; validationmethods=dns-01\"", "0 issue \"letsencrypt.org; validationmethods=dns-01\"")]
    [InlineData("0 iodef \"mailto:security@example.com\"", "0 iodef \"mailto:security@example.com\"")]
    [InlineData("0 iodef https://example.com/caa", "0 iodef \"https://example.com/caa\"")]
    [InlineData("0 tbs \"say \\\"hi\\\"\"", "0 tbs \"say \\\"hi\\\"\"")]
    [InlineData("0 contactemail \"ops@example.com\"", "0 contactemail \"ops@example.com\"")]
    [InlineData("0 tbs \"\\065\\\\\"", "0 tbs \"A\\\\\"")]
    public void Parse_ValidCaa_ReturnsQuotedCanonicalForm(string content, string expected)
    {
        var result = ContentAssert.Valid("CAA", content);

        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
        Assert.Null(result.Priority);
    }

    [Theory]
    [InlineData("256 issue \"letsencrypt.org\"", "flags")]
    [InlineData("issue \"letsencrypt.org\"", "CAA content is")]
    [InlineData("0 issue letsencrypt.org; validationmethods=dns-01", "quote a value")]
    [InlineData("0 is-sue \"letsencrypt.org\"", "tag")]
    [InlineData("0 abcdefghijklmnop \"x\"", "tag")]
    [InlineData("0 issue \"letsencrypt\"", "issuer domain")]
    [InlineData("0 issue \"lets encrypt.org\"", "issuer domain")]
    [InlineData("0 iodef \"ftp://example.com\"", "iodef")]
    [InlineData("0 issue \"letsencrypt.org", "unterminated")]
    [InlineData("0 issue \"a\"b\"", "unterminated")]
    [InlineData("0 issue x\"y\"", "stray double quote")]
    [InlineData("0 tbs \"a\\010b\"", "control character")]
    [InlineData("0 tbs \"caf\\233\"", "non-ASCII")]
    public void Parse_InvalidCaa_ReturnsInvalid(string content, string reasonPart)
    {
        var result = ContentAssert.Invalid("CAA", content);

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
