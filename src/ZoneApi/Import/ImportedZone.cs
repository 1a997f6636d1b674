using ZoneApi.Dns;

namespace ZoneApi.Import;

/// <summary>
/// The zone as the import leaves it, in memory, indexed the way a server looks names up: which names exist
/// (hold records, or have descendants that do: RFC 4592 §2.2.2's "exists"), and which owner answers a query for a
/// name, its own or the wildcard at its closest encloser (RFC 4592 §3.3.1). The same answers as
/// zoneapi_subtree_exists and zoneapi_answering_name (migrations/0010) give for the stored zone.
/// </summary>
public sealed class ImportedZone
{
    private readonly Dictionary<string, List<PlannedRecord>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exists = new(StringComparer.Ordinal);

    public ImportedZone(Guid id, string zoneName, IReadOnlyList<PlannedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        (Id, Apex, Records) = (id, zoneName + ".", records);
        _exists.Add(Apex);
        foreach (var planned in records)
        {
            var name = planned.Record.Name;
            if (!_byName.TryGetValue(name, out var atName))
            {
                _byName[name] = atName = [];
                for (var node = name; OwnerNameTree.IsAtOrBelow(node, Apex) && _exists.Add(node); node = OwnerNameTree.Parent(node))
                {
                }
            }

            atName.Add(planned);
        }
    }

    public Guid Id { get; }

    /// <summary>Absolute, with the dot.</summary>
    public string Apex { get; }

    public IReadOnlyList<PlannedRecord> Records { get; }

    /// <summary>Each owner name with its records.</summary>
    public IEnumerable<(string Name, IReadOnlyList<PlannedRecord> Records)> Names =>
        _byName.Select(n => (n.Key, (IReadOnlyList<PlannedRecord>)n.Value));

    public IReadOnlyList<PlannedRecord> At(string name) => _byName.TryGetValue(name, out var atName) ? atName : [];

    /// <summary>The owner whose records answer a query for <paramref name="name"/> (inside the zone), or null (NXDOMAIN).</summary>
    public string? AnsweringName(string name)
    {
        if (_exists.Contains(name))
        {
            return name;
        }

        for (var encloser = OwnerNameTree.Parent(name); OwnerNameTree.IsAtOrBelow(encloser, Apex); encloser = OwnerNameTree.Parent(encloser))
        {
            if (_exists.Contains(encloser))
            {
                var wildcard = "*." + encloser;
                return _byName.ContainsKey(wildcard) ? wildcard : null;
            }
        }

        return null;
    }
}
