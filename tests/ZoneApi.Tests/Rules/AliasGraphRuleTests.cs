using ZoneApi.Records;

namespace ZoneApi.Tests.Rules;

/// <summary>
/// The rules that look past a record's own name, as plain functions of what the customer's names hold
/// (<see cref="AliasGraphFacts"/>, read in one round trip under the locks). The HTTP tests beside these run the same
/// rules against PostgreSQL; these pin each decision down without one.
/// </summary>
public sealed class AliasGraphRuleTests
{
    private static readonly AliasGraphFacts Nothing = AliasGraphFacts.None;

    [Fact]
    public void Check_MxToACname_IsTargetIsCname()
    {
        var facts = Nothing with { CnameAtTarget = "elsewhere.example.net." };

        var (violation, _) = RecordRules.Check(Value("MX", "mail.example.com.", "www.example.com."), facts);

        Assert.Equal("TARGET_IS_CNAME", violation?.Code);
        Assert.Contains("elsewhere.example.net.", violation?.Message);
    }

    [Fact]
    public void Check_CnameWhereAnMxPoints_IsTargetIsCname()
    {
        var facts = Nothing with { PointerAtName = new CustomerAliasGraph.Pointer("example.com.", "MX") };

        var (violation, _) = RecordRules.Check(Value("CNAME", "mail.example.com.", "host.example.net."), facts);

        Assert.Equal("TARGET_IS_CNAME", violation?.Code);
        Assert.Contains("MX record at example.com.", violation?.Message);
    }

    [Fact]
    public void Check_CnameWhoseTargetLeadsBack_IsCnameLoop()
    {
        var facts = Nothing with { Ahead = [Step("b.example.com.", 1), Step("a.example.com.", 2)] };

        var (violation, _) = RecordRules.Check(Value("CNAME", "a.example.com.", "b.example.com."), facts);

        Assert.Equal("CNAME_LOOP", violation?.Code);
    }

    [Theory]
    [InlineData(0, 8, null)] // 8 hops: the most resolvers follow
    [InlineData(1, 8, "CNAME_CHAIN_TOO_LONG")]
    [InlineData(5, 4, "CNAME_CHAIN_TOO_LONG")]
    [InlineData(4, 4, null)]
    public void Check_ChainLength_IsRefusedPastEightHops(int behind, int ahead, string? code)
    {
        var steps = Enumerable.Range(1, ahead).Select(i => Step($"n{i}.example.com.", i)).ToList();
        var facts = Nothing with { Ahead = steps, LongestRunIntoName = behind };

        var (violation, _) = RecordRules.Check(Value("CNAME", "a.example.com.", "n1.example.com."), facts);

        Assert.Equal(code, violation?.Code);
    }

    [Fact]
    public void Check_AliasToAnAliasAndAnEmptyName_WarnsOfBoth()
    {
        var facts = Nothing with { Ahead = [Step("b.example.com.", 1)], TargetIsAlias = true, TargetInZoneButEmpty = true };

        var (violation, warnings) = RecordRules.Check(Value("ALIAS", "example.com.", "b.example.com."), facts);

        Assert.Null(violation);
        Assert.Equal(["CNAME_CHAIN", "TARGET_DOES_NOT_RESOLVE"], warnings.Select(w => w.Code));
    }

    [Fact]
    public void Check_Refusal_CarriesNoWarnings()
    {
        var facts = Nothing with { CnameAtTarget = "x.example.net.", TargetInZoneButEmpty = true };

        var (violation, warnings) = RecordRules.Check(Value("NS", "sub.example.com.", "ns.example.com."), facts);

        Assert.Equal("TARGET_IS_CNAME", violation?.Code);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Check_AddressRecord_NeedsNothingOfTheGraph()
    {
        var (violation, warnings) = RecordRules.Check(Value("A", "www.example.com.", null, "192.0.2.1"), Nothing);

        Assert.Null(violation);
        Assert.Empty(warnings);
    }

    private static RecordInput Value(string type, string name, string? target, string? content = null) =>
        new(name, type, content ?? target ?? "", type == "MX" ? 10 : null, target, new string('x', 43), 3600, null);

    private static CustomerAliasGraph.ChainStep Step(string name, int hops) => new(name, hops);
}
