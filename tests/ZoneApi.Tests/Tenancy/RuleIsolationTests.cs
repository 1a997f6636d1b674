using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// Tenancy (issue 6): the rules that look past a record's own name consult only the writing customer's zones.
/// Two customers with sibling zones; one stores data that points at the other's names, sorts before them and
/// includes disabled records. The other's answers never show that data, and it never refuses or warns them.
/// </summary>
public sealed class RuleIsolationTests(ZoneApiFactory api) : IClassFixture<ZoneApiFactory>
{
    public static TheoryData<string> OwnRuleCaseNames => [.. OwnRuleCases.All.Keys];

    public static TheoryData<string, string> CrossCustomerCaseNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in CrossCustomerCases.All.Keys)
            {
                data.Add(name, "A holds, B writes");
                data.Add(name, "B holds, A writes");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OwnRuleCaseNames))]
    public async Task Write_RefusedOrWarnedByOwnData_ShowsNothingOfTheOtherCustomer(string caseName)
    {
        var rule = OwnRuleCases.All[caseName];
        using var a = await Tenant.CreateAsync(api, "a");
        using var b = await Tenant.CreateAsync(api, "b");
        await TenantSecrets.SeedAsync(a, b);
        await rule.Arrange(b);

        using var response = await rule.Act(b, a);

        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            var data = await response.AssertSuccessAsync(rule.Status);
            Assert.Equal([rule.Code], RuleMessages.WarningCodes(data));
        }
        else
        {
            await response.AssertErrorAsync(rule.Status, rule.Code);
        }

        await TenantSecrets.AssertNoneInAsync(body, a, b, await SentAsync(response));
    }

    [Theory]
    [MemberData(nameof(CrossCustomerCaseNames))]
    public async Task Write_BesideTheOtherCustomersData_IsNeitherRefusedNorWarned(string caseName, string roles)
    {
        var cross = CrossCustomerCases.All[caseName];
        using var a = await Tenant.CreateAsync(api, "a");
        using var b = await Tenant.CreateAsync(api, "b");
        var (holder, writer) = roles.StartsWith('A') ? (a, b) : (b, a);
        await TenantSecrets.SeedAsync(holder, writer);
        await cross.Arrange(holder, writer);
        var holderBefore = await holder.Zone.SnapshotAsync();

        using var response = await cross.Act(writer, holder);

        var body = await response.Content.ReadAsStringAsync();
        RuleMessages.AssertNoWarnings(await response.AssertSuccessAsync(cross.Status));
        await TenantSecrets.AssertNoneInAsync(body, holder, writer, await SentAsync(response));
        await holder.Zone.AssertUnchangedAsync(holderBefore);
    }

    /// <summary>What the client itself sent: the path and the body. The answer may quote it back.</summary>
    private static async Task<string> SentAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage!; // HttpClient sets it on every response it returns
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        return Uri.UnescapeDataString(request.RequestUri!.ToString()) + " " + body;
    }
}
