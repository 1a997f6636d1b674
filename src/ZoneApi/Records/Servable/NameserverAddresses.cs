using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Zones;

namespace ZoneApi.Records.Servable;

/// <summary>
/// An NS record whose target lies inside its own zone needs an address there (RFC 1034 §4.2.2, RFC 1912 §2.3):
/// resolvers find the nameserver only through that A or AAAA record (glue, when the target is below a
/// delegation), and BIND refuses to load a zone whose apex NS target has none. What counts is what is served:
/// an enabled NS needs an enabled address, found as a server finds it (the target's own, or a wildcard's).
/// The rule stays inside one zone, so the zone's row lock is all it needs.
/// </summary>
internal sealed class NameserverAddresses(ZoneDbContext db, Zone zone)
{
    /// <summary>Whether the enabled NS <paramref name="target"/>, inside the zone, has an enabled A or AAAA record there.</summary>
    public Task<bool> HasAddressAsync(string target, CancellationToken ct) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM records a
                WHERE a.zone_id = {zone.Id} AND a.name = zoneapi_answering_name({zone.Id}, {target}) COLLATE "C"
                  AND a.type IN ('A', 'AAAA') AND NOT a.disabled
            ) AS "Value"
            """).SingleAsync(ct);

    /// <summary>
    /// Whether an NS record of the zone pointing at <paramref name="target"/> needs an address in it: the target is at or
    /// below the apex and not delegated away (BIND checks exactly these; below a delegation, glue is optional).
    /// </summary>
    public async Task<bool> IsInsideAsync(string target, CancellationToken ct) =>
        OwnerNameTree.IsAtOrBelow(target, zone.Name + ".") && !await new ZoneCuts(db).IsDelegatedAsync(zone, target, ct);

    /// <summary>
    /// The first enabled NS record of the zone whose target is <paramref name="name"/> (or, with
    /// <paramref name="andBelow"/>, lies below <paramref name="branch"/>), is not delegated away and has no enabled
    /// address: after addresses went away (deleted or disabled), or after a delegation went away (its NS records deleted).
    /// </summary>
    public async Task<Nameserver?> FirstWithoutAddressAsync(string name, string branch, bool andBelow, CancellationToken ct)
    {
        var candidates = await db.Database.SqlQuery<Nameserver>($"""
            SELECT ns.name AS "Name", ns.target AS "Target"
            FROM records ns
            WHERE ns.zone_id = {zone.Id} AND ns.type = 'NS' AND NOT ns.disabled AND ns.target IS NOT NULL
              AND (ns.target = {name}
                   OR ({andBelow} AND reverse(ns.target) >= (reverse({branch}::text) || '.') COLLATE "C"
                       AND reverse(ns.target) < (reverse({branch}::text) || '/') COLLATE "C"))
              AND NOT EXISTS (
                  SELECT 1 FROM records a
                  WHERE a.zone_id = {zone.Id} AND a.name = zoneapi_answering_name({zone.Id}, ns.target) COLLATE "C"
                    AND a.type IN ('A', 'AAAA') AND NOT a.disabled)
            ORDER BY ns.name, ns.target
            LIMIT 20
            """).ToListAsync(ct);
        foreach (var ns in candidates)
        {
            if (await IsInsideAsync(ns.Target, ct))
            {
                return ns;
            }
        }

        return null;
    }

    /// <summary>An NS record: its owner and its target.</summary>
    internal sealed record Nameserver(string Name, string Target);
}
