using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Tenancy;

/// <summary>Every refusal code a record write can return, and both warnings, each brought about by the writer's own data.</summary>
public static class OwnRuleCases
{
    private static readonly Func<Tenant, Task> Nothing = _ => Task.CompletedTask;

    public static readonly IReadOnlyDictionary<string, OwnRuleCase> All = new Dictionary<string, OwnRuleCase>
    {
        ["CNAME_CONFLICT"] = new(HttpStatusCode.Conflict, "CNAME_CONFLICT",
            me => me.Zone.AddAsync("www", "TXT", "hello"),
            (me, _) => me.Zone.PostAsync("www", "CNAME", "real.example.net.")),
        ["ALIAS_CONFLICT"] = new(HttpStatusCode.Conflict, "ALIAS_CONFLICT",
            me => me.Zone.AddAsync("host", "A", "192.0.2.1"),
            (me, _) => me.Zone.PostAsync("host", "ALIAS", "real.example.net.")),
        ["TARGET_IS_CNAME, pointer at a CNAME"] = new(HttpStatusCode.Conflict, "TARGET_IS_CNAME",
            me => me.Zone.AddAsync("www", "CNAME", "real.example.net."),
            (me, _) => me.Zone.PostAsync("@", "MX", me.Zone.Fqdn("www"), 10)),
        ["TARGET_IS_CNAME, CNAME at a pointer's target"] = new(HttpStatusCode.Conflict, "TARGET_IS_CNAME",
            me => me.Zone.AddAsync("@", "MX", me.Zone.Fqdn("target"), 10),
            (me, _) => me.Zone.PostAsync("target", "CNAME", "real.example.net.")),
        ["CNAME_LOOP"] = new(HttpStatusCode.Conflict, "CNAME_LOOP",
            me => me.Zone.AddAsync("loop-a", "CNAME", me.Zone.Fqdn("loop-b")),
            (me, _) => me.Zone.PostAsync("loop-b", "CNAME", me.Zone.Fqdn("loop-a"))),
        ["CNAME_CHAIN_TOO_LONG"] = new(HttpStatusCode.Conflict, "CNAME_CHAIN_TOO_LONG",
            me => AliasChains.AddAsync(me.Zone, "c", hops: 8),
            (me, _) => me.Zone.PostAsync("c9", "CNAME", me.Zone.Fqdn("c10"))),
        ["PROTECTED_RECORD"] = new(HttpStatusCode.Conflict, "PROTECTED_RECORD", Nothing,
            async (me, _) => await me.Zone.DeleteAsync((await me.Zone.SingleRecordAsync(me.Zone.Apex, "SOA")).Str("id"))),
        ["RECORD_CONFLICT"] = new(HttpStatusCode.Conflict, "RECORD_CONFLICT",
            async me =>
            {
                await me.Zone.AddAsync("info", "TXT", "one");
                await me.Zone.AddAsync("info", "TXT", "two");
            },
            async (me, _) => await me.Zone.PutAsync(
                (await me.Zone.RecordsAsync()).Single(r => r.Str("content") == "one").Str("id"), "info", "TXT", "two")),
        ["CNAME_AT_APEX"] = new(HttpStatusCode.BadRequest, "CNAME_AT_APEX", Nothing,
            (me, _) => me.Zone.PostAsync("@", "CNAME", "real.example.net.")),
        ["NAME_OUTSIDE_ZONE"] = new(HttpStatusCode.BadRequest, "NAME_OUTSIDE_ZONE", Nothing,
            (me, them) => me.Zone.PostAsync(them.Zone.Fqdn("0hush-host"), "A", "192.0.2.1")),
        ["VALIDATION_ERROR"] = new(HttpStatusCode.BadRequest, "VALIDATION_ERROR", Nothing,
            (me, them) => me.Zone.PostAsync("@", "MX", them.Zone.Fqdn("0hidden"), 70000)),
        ["RECORD_NOT_FOUND"] = new(HttpStatusCode.NotFound, "RECORD_NOT_FOUND", Nothing,
            async (me, them) => await me.Zone.PutAsync(
                (await them.Zone.SingleRecordAsync(them.Zone.Fqdn("0hush-txt"), "TXT")).Str("id"), "0hush-txt", "TXT", "mine now")),
        ["ZONE_NOT_FOUND"] = new(HttpStatusCode.NotFound, "ZONE_NOT_FOUND", Nothing,
            (me, them) => them.Zone.WithClient(me.Client).PostAsync("www", "A", "192.0.2.1")),
        ["warning CNAME_CHAIN"] = new(HttpStatusCode.Created, "CNAME_CHAIN",
            me => me.Zone.AddAsync("middle", "CNAME", "real.example.net."),
            (me, _) => me.Zone.PostAsync("host", "CNAME", me.Zone.Fqdn("middle"))),
        ["warning TARGET_DOES_NOT_RESOLVE"] = new(HttpStatusCode.Created, "TARGET_DOES_NOT_RESOLVE", Nothing,
            (me, _) => me.Zone.PostAsync("host", "CNAME", me.Zone.Fqdn("nothing"))),
    };
}
