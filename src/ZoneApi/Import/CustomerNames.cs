using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;

namespace ZoneApi.Import;

/// <summary>A node of the customer's names: an owner name in the zone that answers for it.</summary>
public sealed record NameNode(Guid ZoneId, string Owner);

/// <summary>A CNAME, ALIAS, MX, NS or SRV record of one of the customer's other zones, with its target.</summary>
public sealed record OtherZoneRecord(Guid ZoneId, string Name, string Type, string Target);

/// <summary>
/// The customer's names as the rules that look past a record's own name see them (CONTRACT A4, Tenancy), with the
/// imported zone in its final state and the customer's other zones as stored: a name is answered only by the
/// customer's zone that most closely encloses it (as zoneapi_enclosing_zone, migrations/0008), and another customer's
/// names are names on the internet, never read. Loaded in three round trips, whatever the size of the import, so the
/// rules then run as plain functions over memory.
/// </summary>
public sealed class CustomerNames
{
    private readonly Dictionary<string, Guid> _zones;
    private readonly Dictionary<NameNode, OtherZoneRecord> _otherAliases = [];
    private readonly Dictionary<string, string?> _otherAnswering = new(StringComparer.Ordinal);

    private CustomerNames(ImportedZone zone, Dictionary<string, Guid> zones, IReadOnlyList<OtherZoneRecord> others)
    {
        (Zone, _zones) = (zone, zones);
        foreach (var record in others.Where(r => EnclosingZone(r.Name) == r.ZoneId))
        {
            if (RecordTypes.IsAliasLike(record.Type))
            {
                _otherAliases[new NameNode(record.ZoneId, record.Name)] = record;
            }
            else if (EnclosingZone(record.Target) == zone.Id)
            {
                PointersIntoZone.Add(record);
            }
        }
    }

    public ImportedZone Zone { get; }

    /// <summary>The customer's zone names (with the dot) other than the imported one: the cuts of child zones.</summary>
    public IEnumerable<string> OtherZoneApexes => _zones.Where(z => z.Value != Zone.Id).Select(z => z.Key + ".");

    /// <summary>MX, NS and SRV records of the customer's other zones whose targets lie in the imported zone.</summary>
    public List<OtherZoneRecord> PointersIntoZone { get; } = [];

    /// <summary>The CNAME and ALIAS records of the customer's other zones.</summary>
    public IEnumerable<OtherZoneRecord> OtherAliases => _otherAliases.Values;

    public static async Task<CustomerNames> LoadAsync(ZoneDbContext db, Guid customerId, ImportedZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);

        var zones = (await db.Zones.AsNoTracking().Where(z => z.CustomerId == customerId).Select(z => new { z.Id, z.Name }).ToListAsync(ct))
            .ToDictionary(z => z.Name, z => z.Id, StringComparer.Ordinal);
        var others = await db.Database.SqlQuery<OtherZoneRecord>($"""
            SELECT r.zone_id, r.name, r.type, r.target
            FROM zones z JOIN records r ON r.zone_id = z.id
            WHERE z.customer_id = {customerId} AND z.id <> {zone.Id}
              AND r.type IN ('CNAME', 'ALIAS', 'MX', 'NS', 'SRV') AND r.target IS NOT NULL
            """).ToListAsync(ct);
        var names = new CustomerNames(zone, zones, others);

        // Which owner answers each target that lies in another zone of the customer's: those zones do not change here.
        var outside = zone.Records.Select(p => p.Record.Target).Concat(names.OtherAliases.Select(a => a.Target))
            .OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(t => names.EnclosingZone(t) is { } id && id != zone.Id).ToArray();
        if (outside.Length > 0)
        {
            var answers = await db.Database.SqlQuery<AnsweringRow>($"""
                SELECT t.name, zoneapi_answering_name(zoneapi_enclosing_zone({customerId}, t.name), t.name) AS answering
                FROM unnest({outside}::text[]) AS t(name)
                """).ToListAsync(ct);
            foreach (var answer in answers)
            {
                names._otherAnswering[answer.Name] = answer.Answering;
            }
        }

        return names;
    }

    /// <summary>The customer's zone that most closely encloses <paramref name="name"/>, or null: a name on the internet.</summary>
    public Guid? EnclosingZone(string name)
    {
        for (var node = name; node.Length > 1; node = OwnerNameTree.Parent(node))
        {
            if (_zones.TryGetValue(node.TrimEnd('.'), out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The node that answers a query for <paramref name="name"/> in the customer's zones, wildcards followed; null when none does.</summary>
    public NameNode? Resolve(string name)
    {
        if (EnclosingZone(name) is not { } zoneId)
        {
            return null;
        }

        var owner = zoneId == Zone.Id ? Zone.AnsweringName(name) : _otherAnswering.GetValueOrDefault(name);
        return owner is null ? null : new NameNode(zoneId, owner);
    }

    /// <summary>The CNAME or ALIAS at a node, as (type, target, the imported record if it is in the imported zone).</summary>
    public (string Type, string Target, PlannedRecord? Planned)? AliasAt(NameNode node)
    {
        ArgumentNullException.ThrowIfNull(node);

        if (node.ZoneId == Zone.Id)
        {
            foreach (var planned in Zone.At(node.Owner))
            {
                if (RecordTypes.IsAliasLike(planned.Record.Type) && planned.Record.Target is { } target)
                {
                    return (planned.Record.Type, target, planned);
                }
            }

            return null;
        }

        return _otherAliases.TryGetValue(node, out var other) ? (other.Type, other.Target, null) : null;
    }

    private sealed record AnsweringRow(string Name, string? Answering);
}
