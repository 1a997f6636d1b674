namespace ZoneApi.Tests.Dns;

public sealed class MxContentTests
{
    [Fact]
    public void Parse_TargetWithPriority_ReturnsBareTargetAndPriority()
    {
        var result = ContentAssert.Valid("MX", "Mail.Example.com", priority: 10);

        Assert.Equal("mail.example.com.", result.Content);
        Assert.Equal(10, result.Priority);
        Assert.Equal("10 mail.example.com.", result.Data);
        Assert.Equal("mail.example.com.", result.Target);
    }

    [Theory]
    [InlineData("10 mail.example.com.", null)]
    [InlineData("10\tmail.example.com", null)]
    [InlineData("  10   mail.example.com.  ", null)]
    [InlineData("10 mail.example.com.", 10)]
    [InlineData("010 mail.example.com.", null)]
    public void Parse_PreferenceInContent_ReturnsSameAsSeparatePriority(string content, int? priority)
    {
        var result = ContentAssert.Valid("MX", content, priority);

        Assert.Equal("mail.example.com.", result.Content);
        Assert.Equal(10, result.Priority);
        Assert.Equal("10 mail.example.com.", result.Data);
    }

    [Fact]
    public void Parse_NullMx_ReturnsRootWithoutTarget()
    {
        var result = ContentAssert.Valid("MX", ".", priority: 0);

        Assert.Equal(".", result.Content);
        Assert.Equal(0, result.Priority);
        Assert.Equal("0 .", result.Data);
        Assert.Null(result.Target);
    }

    [Theory]
    [InlineData("mail.example.com", null, "priority", "MX needs a priority (0-65535)")]
    [InlineData("10 mail.example.com", 20, "priority", "is 20, but the content starts with the preference 10")]
    [InlineData("mail.example.com", 65536, "priority", "must be between 0 and 65535")]
    [InlineData("mail.example.com", -1, "priority", "must be between 0 and 65535")]
    [InlineData(".", 10, "priority", "must be 0 for a null MX (target '.'), as RFC 7505 defines it")]
    public void Parse_BadPriority_ReturnsPriorityError(string content, int? priority, string field, string reason)
    {
        var result = ContentAssert.Invalid("MX", content, priority);

        Assert.Equal(field, result.Field);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("65536 mail.example.com")]
    [InlineData("ten mail.example.com")]
    [InlineData("10 20 mail.example.com")]
    [InlineData("10 mail")]
    [InlineData("10 192.0.2.1")]
    public void Parse_BadContent_ReturnsContentError(string content)
    {
        var result = ContentAssert.Invalid("MX", content, 10);

        Assert.Equal("content", result.Field);
        Assert.Contains("MX", result.Reason, StringComparison.Ordinal);
    }
}
