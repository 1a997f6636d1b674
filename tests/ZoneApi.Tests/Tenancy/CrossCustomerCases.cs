using System.Net;
using ZoneApi.Tests.Infrastructure;
using ZoneApi.Tests.Rules;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// The holder's data next to each rule that looks past a record's own name (TARGET_IS_CNAME both ways,
/// CNAME_LOOP, CNAME_CHAIN_TOO_LONG, CNAME_CHAIN, TARGET_DOES_NOT_RESOLVE). Arrange gets (holder, writer), Act
/// gets (writer, holder).
/// </summary>
public static class CrossCustomerCases
{
    public static readonly IReadOnlyDictionary<string, CrossCustomerCase> All = Build();

    private static Dictionary<string, CrossCustomerCase> Build()
    {
        var cases = new Dictionary<string, CrossCustomerCase>();
        foreach (var type in new[] { "MX", "NS", "SRV" })
        {
            cases[$"{type} at their CNAME"] = new(
                (holder, _) => holder.Zone.AddAsync("hidden", "CNAME", "internal-only.corp.example."),
                (writer, holder) => PointerRecord.To(type, holder.Zone.Fqdn("hidden")).PostAsync(writer.Zone));
            cases[$"CNAME where their {type} points"] = new(
                async (holder, writer) =>
                    await (await PointerRecord.To(type, writer.Zone.Fqdn("newcdn")).PostAsync(holder.Zone)).AssertSuccessAsync(HttpStatusCode.Created),
                (writer, _) => writer.Zone.PostAsync("newcdn", "CNAME", "real.example.net."));
        }

        cases["CNAME in front of their 8-hop chain"] = new(
            (holder, _) => AliasChains.AddAsync(holder.Zone, "h", hops: 8),
            (writer, holder) => writer.Zone.PostAsync("w", "CNAME", holder.Zone.Fqdn("h1")));
        cases["CNAME at the end of their 8-hop chain"] = new(
            (holder, writer) => AliasChains.AddAsync(holder.Zone, "h", hops: 8, end: writer.Zone.Fqdn("end")),
            (writer, _) => writer.Zone.PostAsync("end", "CNAME", "real.example.net."));
        cases["CNAME closing a loop through their CNAME"] = new(
            (holder, writer) => holder.Zone.AddAsync("hop", "CNAME", writer.Zone.Fqdn("back")),
            (writer, holder) => writer.Zone.PostAsync("back", "CNAME", holder.Zone.Fqdn("hop")));
        cases["ALIAS at the apex closing a loop through their CNAME"] = new(
            (holder, writer) => holder.Zone.AddAsync("hop", "CNAME", writer.Zone.Apex),
            (writer, holder) => writer.Zone.PostAsync("@", "ALIAS", holder.Zone.Fqdn("hop")));
        cases["CNAME to their ALIAS"] = new(
            (holder, _) => holder.Zone.AddAsync("middle", "ALIAS", "real.example.net."),
            (writer, holder) => writer.Zone.PostAsync("host", "CNAME", holder.Zone.Fqdn("middle")));
        cases["ALIAS to their CNAME"] = new(
            (holder, _) => holder.Zone.AddAsync("middle", "CNAME", "real.example.net."),
            (writer, holder) => writer.Zone.PostAsync("host", "ALIAS", holder.Zone.Fqdn("middle")));
        cases["CNAME to their empty name"] = new(
            (_, _) => Task.CompletedTask,
            (writer, holder) => writer.Zone.PostAsync("host", "CNAME", holder.Zone.Fqdn("nothing")));
        cases["MX to their empty name"] = new(
            (_, _) => Task.CompletedTask,
            (writer, holder) => writer.Zone.PostAsync("@", "MX", holder.Zone.Fqdn("nothing"), 10));
        cases["MX updated to point at their CNAME"] = new(
            async (holder, writer) =>
            {
                await holder.Zone.AddAsync("hidden", "CNAME", "internal-only.corp.example.");
                await writer.Zone.AddAsync("@", "MX", "mail.example.net.", 10);
            },
            (writer, holder) => writer.Zone.PutByNameAsync("@", "MX", null, holder.Zone.Fqdn("hidden"), 10),
            HttpStatusCode.OK);
        return cases;
    }
}
