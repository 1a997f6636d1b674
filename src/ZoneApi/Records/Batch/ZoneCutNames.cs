using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Zones;

namespace ZoneApi.Records.Batch;

/// <summary>
/// The zone cuts below a zone's apex, read once for a whole batch: its NS RRsets below the apex, and the customer's
/// zones inside it (the same cuts as <see cref="Servable.ZoneCuts"/>, RFC 1034 §4.2.1). A name with no cut at or above
/// it cannot be occluded, so the batch's final checks skip one query per value for most names.
/// </summary>
internal sealed class ZoneCutNames
{
    private readonly HashSet<string> _cuts;

    private ZoneCutNames(IEnumerable<string> cuts) => _cuts = new HashSet<string>(cuts, StringComparer.Ordinal);

    public static async Task<ZoneCutNames> LoadAsync(ZoneDbContext db, Zone zone, CancellationToken ct)
    {
        var apex = zone.Name + ".";
        var suffix = "." + zone.Name;
        return new ZoneCutNames(await db.Database.SqlQuery<string>($"""
            SELECT name AS "Value" FROM records WHERE zone_id = {zone.Id} AND type = 'NS' AND name <> {apex}
            UNION
            SELECT name || '.' AS "Value" FROM zones
            WHERE customer_id = {zone.CustomerId} AND right(name, length({suffix})) = {suffix}
            """).ToListAsync(ct));
    }

    /// <summary>Whether a cut lies at <paramref name="name"/> or at one of its ancestors below the apex.</summary>
    public bool IsAtOrBelowCut(string name, Zone zone) =>
        _cuts.Count > 0 && OwnerNameTree.BelowApex(name, zone.Name + ".").Any(_cuts.Contains);
}
