namespace ZoneApi.Tests.Dns;

public sealed class NaptrContentTests
{
    [Theory]
    [InlineData("100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .",
        "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .")]
    [InlineData("100  50 s SIP+D2U \"\" _sip._udp.Example.com",
        "100 50 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.")]
    [InlineData("10 0 \"U\" \"E2U+sip\" \"!^\\\\+1(.*)$!sip:\\\\1@example.com!\" .",
        "10 0 \"U\" \"E2U+sip\" \"!^\\\\+1(.*)$!sip:\\\\1@example.com!\" .")]
    public void Parse_ValidNaptr_ReturnsQuotedCanonicalForm(string content, string expected)
    {
        var result = ContentAssert.Valid("NAPTR", content);

        Assert.Equal(expected, result.Content);
        Assert.Equal(expected, result.Data);
        Assert.Null(result.Target);
    }

    [Theory]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\"", "NAPTR content is")]
    [InlineData("100 70000 \"U\" \"E2U+sip\" \"\" .", "order or preference")]
    [InlineData("100 10 \"U!\" \"E2U+sip\" \"\" .", "flags")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:x@example.com!\" sip.example.com.", "mutually exclusive")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"\" sip", "replacement")]
    [InlineData("100 10 \"U\" \"E2U+sip \"\" .", "unterminated")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"y\" .", "three 'y' delimiters")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!x!y\" .", "three '!' delimiters")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!x!y!i!\" .", "more than three")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!x!y!z\" .", "flags other than 'i'")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"1x1y1\" .", "cannot be the delimiter")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!(x)!\\\\2!\" .", "has 1 group(s)")]
    [InlineData("100 10 \"U\" \"E2U+sip\" \"!(x!y!\" .", "parentheses or brackets")]
    public void Parse_InvalidNaptr_ReturnsInvalid(string content, string reasonPart)
    {
        var result = ContentAssert.Invalid("NAPTR", content);

        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
