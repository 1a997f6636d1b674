using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Zones;

namespace ZoneApi.Records.Servable;

/// <summary>
/// Zone cuts inside one zone (RFC 1034 §4.2.1, RFC 2181 §6): an NS RRset at a name below the apex delegates that
/// name and everything below it, and so does a zone of the same customer at such a name (that zone answers
/// for it). A server never answers from data at or below a cut other than the delegation's NS records and the
/// addresses of their targets (glue), so those are the only records allowed there (occluded data).
/// </summary>
internal sealed class ZoneCuts(ZoneDbContext db)
{
    /// <summary>The highest cut at or above <paramref name="name"/> in the zone, if any: everything below it is the child's.</summary>
    public async Task<ZoneCut?> HighestAboveAsync(Zone zone, string name, CancellationToken ct)
    {
        var branch = OwnerNameTree.BelowApex(name, zone.Name + ".").ToArray();
        if (branch.Length == 0)
        {
            return null;
        }

        await using var batch = db.Database.CreateBatch();
        batch.Add(HighestAboveSql, zone.CustomerId, zone.Id, branch);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadHighestAboveAsync(reader, ct);
    }

    /// <summary>
    /// <see cref="HighestAboveAsync"/> as a statement for a batch: $1 the customer, $2 the zone, $3 the names between the apex
    /// and the name (<see cref="OwnerNameTree.BelowApex"/>), top down. Its answer is read by <see cref="ReadHighestAboveAsync"/>.
    /// </summary>
    public const string HighestAboveSql = """
        SELECT a.name,
               EXISTS (SELECT 1 FROM zones z WHERE z.customer_id = $1 AND z.name = rtrim(a.name, '.') COLLATE "C") AS is_zone
        FROM unnest($3::text[]) WITH ORDINALITY AS a(name, depth)
        WHERE EXISTS (SELECT 1 FROM records r WHERE r.zone_id = $2 AND r.name = a.name COLLATE "C" AND r.type = 'NS')
           OR EXISTS (SELECT 1 FROM zones z WHERE z.customer_id = $1 AND z.name = rtrim(a.name, '.') COLLATE "C")
        ORDER BY a.depth
        LIMIT 1
        """;

    public static async Task<ZoneCut?> ReadHighestAboveAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct) ? new ZoneCut(reader.GetString(0), reader.GetBoolean(1)) : null;

    /// <summary>
    /// The highest cut above <paramref name="written"/>'s name once it is saved, from the one read before the write
    /// (<paramref name="before"/>), for a write that added the value and removed no NS record: a cut higher up stays the
    /// highest; otherwise a new NS record below the apex makes its own name one (RFC 1034 §4.2.1). Zones do not change.
    /// </summary>
    public static ZoneCut? AfterAdding(ZoneCut? before, Zone zone, DnsRecord written) =>
        before ?? (written.Type == RecordTypes.Ns && written.Name != zone.Name + "." ? new ZoneCut(written.Name, IsZone: false) : null);

    /// <summary>
    /// Whether an NS RRset of the zone sits at or above <paramref name="name"/> (below the apex): the name is then the
    /// child's, and BIND checks no addresses for it (glue is allowed there, not required).
    /// </summary>
    public Task<bool> IsDelegatedAsync(Zone zone, string name, CancellationToken ct)
    {
        var branch = OwnerNameTree.BelowApex(name, zone.Name + ".").ToArray();
        return db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM records r WHERE r.zone_id = {zone.Id} AND r.name = ANY ({branch}::text[]) AND r.type = 'NS'
            ) AS "Value"
            """).SingleAsync(ct);
    }

    /// <summary>
    /// The first record (by name and type) at or below <paramref name="cut"/> in the zone that is neither an NS
    /// record at the cut nor an A or AAAA record at the target of one (glue).
    /// </summary>
    public async Task<HiddenRecord?> FirstHiddenAsync(Guid zoneId, string cut, CancellationToken ct) =>
        (await db.Database.SqlQuery<HiddenRecord>($"""
            SELECT r.name AS "Name", r.type AS "Type", r.content AS "Content"
            FROM records r
            WHERE r.zone_id = {zoneId}
              AND (r.name = {cut}
                   OR (reverse(r.name) >= (reverse({cut}::text) || '.') COLLATE "C"
                       AND reverse(r.name) < (reverse({cut}::text) || '/') COLLATE "C"))
              AND NOT (r.type = 'NS' AND r.name = {cut})
              AND NOT (r.type IN ('A', 'AAAA') AND EXISTS (
                  SELECT 1 FROM records ns WHERE ns.zone_id = {zoneId} AND ns.name = {cut} AND ns.type = 'NS' AND ns.target = r.name))
            ORDER BY r.name, r.type, r.content
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();

    /// <summary>
    /// Before a customer's new zone <paramref name="zoneName"/> is inserted: locks the customer's zone that encloses
    /// it (so no record write there can pass the check below until the new zone commits) and returns the first record
    /// of that zone the new zone would hide, with the enclosing zone's name.
    /// </summary>
    public async Task<(string ParentZone, HiddenRecord Record)?> HiddenByNewZoneAsync(Guid customerId, string zoneName, CancellationToken ct)
    {
        var apex = zoneName + ".";
        var parent = (await db.Database.SqlQuery<EnclosingZone>($"""
            SELECT id AS "Id", name AS "Name" FROM zones
            WHERE id = zoneapi_enclosing_zone({customerId}, {OwnerNameTree.Parent(apex)})
            FOR UPDATE
            """).ToListAsync(ct)).FirstOrDefault();
        return parent is not null && await FirstHiddenAsync(parent.Id, apex, ct) is { } hidden ? (parent.Name, hidden) : null;
    }

    /// <summary>A cut: its name, and whether it is the apex of another zone of the customer's rather than an NS RRset.</summary>
    internal sealed record ZoneCut(string Name, bool IsZone);

    /// <summary>A record a cut hides.</summary>
    internal sealed record HiddenRecord(string Name, string Type, string Content);

    internal sealed record EnclosingZone(Guid Id, string Name);
}
