using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class RecordTypesTests
{
    [Theory]
    [InlineData("a", "A")]
    [InlineData("Aaaa", "AAAA")]
    [InlineData("sshfp", "SSHFP")]
    [InlineData("soa", "SOA")]
    [InlineData("SPF", null)]
    [InlineData(null, null)]
    public void Normalize_AnyCase_ReturnsCanonicalType(string? input, string? expected)
    {
        Assert.Equal(expected, RecordTypes.Normalize(input));
    }

    [Fact]
    public void UserWritable_ListsFifteenTypesWithoutSoa()
    {
        Assert.Equal(15, RecordTypes.UserWritable.Count);
        Assert.DoesNotContain("SOA", RecordTypes.UserWritable);
    }

    [Theory]
    [InlineData("CNAME", true, false)]
    [InlineData("alias", true, false)]
    [InlineData("MX", false, true)]
    [InlineData("NS", false, true)]
    [InlineData("SRV", false, true)]
    [InlineData("A", false, false)]
    public void Predicates_ForType_ReturnExpected(string type, bool aliasLike, bool targetNotCname)
    {
        Assert.Equal(aliasLike, RecordTypes.IsAliasLike(type));
        Assert.Equal(targetNotCname, RecordTypes.TargetsMustNotBeCname(type));
    }
}
