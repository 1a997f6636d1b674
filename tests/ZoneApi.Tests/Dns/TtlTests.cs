using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class TtlTests
{
    [Theory]
    [InlineData(null, 3600)]
    [InlineData(0, 3600)]
    [InlineData(120, 120)]
    [InlineData(300, 300)]
    [InlineData(86400, 86400)]
    public void Resolve_AllowedValue_ReturnsEffectiveTtl(int? ttl, int expected)
    {
        var result = Ttl.Resolve(ttl);

        Assert.Equal(TtlResult.Valid(expected), result);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(119)]
    [InlineData(86401)]
    [InlineData(int.MaxValue)]
    public void Resolve_OutOfRange_ReturnsError(int ttl)
    {
        var result = Ttl.Resolve(ttl);

        Assert.False(result.IsValid);
        Assert.Contains("between 120 and 86400", result.Error, StringComparison.Ordinal);
    }
}
