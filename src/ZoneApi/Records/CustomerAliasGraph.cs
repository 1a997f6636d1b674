using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Records;

/// <summary>
/// One customer's names, as the rules that look past a record's own name see them (CONTRACT A4, Tenancy): a
/// name is answered only by the customer's zone that most closely encloses it (zoneapi_enclosing_zone,
/// migrations/0008), so another customer's records are never read, and a record of a parent zone below a
/// nested zone of the same customer is not consulted (the child zone answers). Each method is one round trip.
/// A single write reads the same facts in one batch (<see cref="AliasGraphFacts"/>); a batch asks these afterwards,
/// to judge its warnings on the state it leaves.
/// </summary>
internal sealed class CustomerAliasGraph(ZoneDbContext db, Guid customerId)
{
    /// <summary>Whether the customer's zone for <paramref name="name"/> holds a CNAME or ALIAS there.</summary>
    public Task<bool> IsAliasAsync(string name, CancellationToken ct) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM records
                WHERE zone_id = zoneapi_enclosing_zone({customerId}, {name}) AND name = {name} AND type IN ('CNAME', 'ALIAS')
            ) AS "Value"
            """).SingleAsync(ct);

    /// <summary>
    /// Whether <paramref name="name"/> lies in one of the customer's zones and nothing answers there: no record
    /// at the name, and (RFC 4592) no wildcard at its parent.
    /// </summary>
    public Task<bool> IsInZoneButEmptyAsync(string name, CancellationToken ct)
    {
        var parent = name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? name[(dot + 1)..] : "";
        var wildcard = "*." + parent;
        return db.Database.SqlQuery<bool>($"""
            SELECT e.zone_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM records r WHERE r.zone_id = e.zone_id AND r.name IN ({name}, {wildcard})
            ) AS "Value"
            FROM (SELECT zoneapi_enclosing_zone({customerId}, {name}) AS zone_id) e
            """).SingleAsync(ct);
    }

    /// <summary>An MX, NS or SRV record, by owner name and type.</summary>
    internal sealed record Pointer(string Name, string Type);

    /// <summary>A name on an alias chain and the hops from the start of the chain to it.</summary>
    internal sealed record ChainStep(string Name, int Hops);
}
