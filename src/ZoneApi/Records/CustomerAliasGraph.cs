using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Records;

/// <summary>
/// One customer's names, as the rules that look past a record's own name see them (CONTRACT A4, Tenancy): a
/// name is answered only by the customer's zone that most closely encloses it (zoneapi_enclosing_zone,
/// migrations/0008), so another customer's records are never read, and a record of a parent zone below a
/// nested zone of the same customer is not consulted (the child zone answers). Each method is one round trip.
/// </summary>
internal sealed class CustomerAliasGraph(ZoneDbContext db, Guid customerId)
{
    /// <summary>The target of the CNAME at <paramref name="name"/>, if the customer's zone for it holds one.</summary>
    public async Task<string?> CnameTargetAtAsync(string name, CancellationToken ct) =>
        // LIMIT in the SQL, not FirstOrDefault: EF would wrap the query and warn that nothing orders it.
        (await db.Database.SqlQuery<string>($"""
            SELECT content AS "Value" FROM records
            WHERE zone_id = zoneapi_enclosing_zone({customerId}, {name}) AND name = {name} AND type = 'CNAME'
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();

    /// <summary>The first (by name) of the customer's MX, NS and SRV records that target <paramref name="name"/>.</summary>
    public async Task<Pointer?> PointerAtAsync(string name, CancellationToken ct) =>
        (await db.Database.SqlQuery<Pointer>($"""
            SELECT name AS "Name", type AS "Type" FROM records
            WHERE target = {name} AND type IN ('MX', 'NS', 'SRV') AND zone_id = zoneapi_enclosing_zone({customerId}, name)
            ORDER BY name, type
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();

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

    /// <summary>
    /// The names reached from <paramref name="target"/> by following the customer's CNAME and ALIAS records,
    /// with the hops it takes to reach each (the target itself is 1: the new edge), up to <paramref name="limit"/>.
    /// </summary>
    public Task<List<ChainStep>> AheadAsync(string target, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<ChainStep>($"""
            WITH RECURSIVE chain(name, hops) AS (
                SELECT {target}::text COLLATE "C", 1
                UNION
                SELECT r.target, c.hops + 1
                FROM chain c JOIN records r ON r.zone_id = zoneapi_enclosing_zone({customerId}, c.name) AND r.name = c.name
                WHERE r.type IN ('CNAME', 'ALIAS') AND r.target IS NOT NULL AND c.hops <= {limit}
            )
            SELECT name AS "Name", hops AS "Hops" FROM chain
            """).ToListAsync(ct);

    /// <summary>An MX, NS or SRV record, by owner name and type.</summary>
    internal sealed record Pointer(string Name, string Type);

    /// <summary>A name on an alias chain and the hops from the start of the chain to it.</summary>
    internal sealed record ChainStep(string Name, int Hops);
}
