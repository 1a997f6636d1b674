using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Records;
using ZoneApi.Records.Servable;

namespace ZoneApi.Import;

/// <summary>
/// The stored-state rules of a single write (RecordRules, Servable/ServableZoneRules), evaluated once over the whole
/// zone an import leaves, in memory: per name (CNAME and ALIAS coexistence, RFC 1034 §3.6.2), per RRset (null MX,
/// SVCB AliasMode: <see cref="RRsetShape"/>, the same function single writes use), and through the customer's names
/// (targets that are CNAMEs, loops and chains, wildcards followed: RFC 2181 §10.3, RFC 2782, RFC 4592). A problem
/// is reported on the latest file line among the records it involves, the line a POST in file order would have been
/// refused at; one that involves no line of the file was there before and is left alone, as a single write leaves it.
/// </summary>
public static class ImportedZoneRules
{
    public static List<ZoneFileProblem> Check(CustomerNames names)
    {
        ArgumentNullException.ThrowIfNull(names);

        var problems = new List<ZoneFileProblem>();
        var zone = names.Zone;
        foreach (var (name, records) in zone.Names)
        {
            Coexistence(name, records, problems);
            Shapes(records, problems);
        }

        TargetsThatAreCnames(names, problems);
        Chains(names, problems);
        ImportedZoneServability.Check(names, problems);
        return problems;
    }

    /// <summary>The latest file line among <paramref name="involved"/>, or null when the file states none of them.</summary>
    internal static int? LatestLine(params PlannedRecord?[] involved) => involved.Max(p => p?.Line);

    private static void Coexistence(string name, IReadOnlyList<PlannedRecord> records, List<ZoneFileProblem> problems)
    {
        if (records.Count < 2)
        {
            return;
        }

        if (records.FirstOrDefault(p => p.Record.Type == RecordTypes.Cname) is { } cname)
        {
            var latest = records.Where(p => p.Line is not null).MaxBy(p => p.Line);
            if (latest?.Line is not { } line)
            {
                return;
            }

            var others = records.Where(p => p.Record.Type != RecordTypes.Cname).Select(p => p.Record.Type).Distinct().Order(StringComparer.Ordinal).ToList();
            problems.Add(new ZoneFileProblem(line, ErrorCodes.CnameConflict, latest.Record.Type == RecordTypes.Cname
                ? $"{name} has {string.Join(" and ", others)} records, and a CNAME must be the only record at its name (RFC 1034 §3.6.2). "
                  + "Leave those out, or use ALIAS or A/AAAA records instead of a CNAME."
                : $"{name} is a CNAME to {cname.Record.Content}, so it cannot hold a {latest.Record.Type} record as well (RFC 1034 §3.6.2). "
                  + "Leave the CNAME out, or put the record at the CNAME's target."));
            return;
        }

        if (records.FirstOrDefault(p => p.Record.Type == RecordTypes.Alias) is { } alias
            && records.Where(p => p.Record.Type is RecordTypes.A or RecordTypes.Aaaa).ToList() is { Count: > 0 } addresses
            && LatestLine([alias, .. addresses]) is { } at)
        {
            problems.Add(new ZoneFileProblem(at, ErrorCodes.AliasConflict,
                $"{name} is an ALIAS to {alias.Record.Content}, which answers A and AAAA queries itself, so it cannot share its name with "
                + $"{string.Join(" and ", addresses.Select(a => a.Record.Type).Distinct().Order(StringComparer.Ordinal))} records. Keep one or the other."));
        }
    }

    /// <summary>A null MX stands alone (RFC 7505 §3); so does an HTTPS/SVCB AliasMode record among its type (RFC 9460 §2.4.2).</summary>
    private static void Shapes(IReadOnlyList<PlannedRecord> records, List<ZoneFileProblem> problems)
    {
        foreach (var rrset in records.Where(p => p.Record.Type is RecordTypes.Mx or RecordTypes.Https or RecordTypes.Svcb).GroupBy(p => p.Record.Type))
        {
            var written = rrset.Where(p => p.Line is not null).MaxBy(p => p.Line);
            if (written?.Line is { } line && RRsetShape.Check(written.Record, rrset.Select(p => p.Record).ToList()) is { } error)
            {
                problems.Add(new ZoneFileProblem(line, error.Code, error.Message));
            }
        }
    }

    /// <summary>
    /// RFC 2181 §10.3, RFC 2782: an MX, NS or SRV target must not be answered by a CNAME, in the imported zone or in any
    /// other zone of the customer's, whether the pointer or the CNAME is the file's.
    /// </summary>
    private static void TargetsThatAreCnames(CustomerNames names, List<ZoneFileProblem> problems)
    {
        var zone = names.Zone;
        var pointers = zone.Records
            .Where(p => RecordTypes.TargetsMustNotBeCname(p.Record.Type) && names.EnclosingZone(p.Record.Name) == zone.Id)
            .SelectMany(p => p.Record.Target is { } target ? [(p.Record.Name, p.Record.Type, Target: target, Planned: (PlannedRecord?)p)] : Array.Empty<(string Name, string Type, string Target, PlannedRecord? Planned)>())
            .Concat(names.PointersIntoZone.Select(o => (o.Name, o.Type, o.Target, Planned: (PlannedRecord?)null)));
        foreach (var (name, type, target, planned) in pointers)
        {
            if (names.Resolve(target) is not { } node || names.AliasAt(node) is not { Type: RecordTypes.Cname } cname
                || LatestLine(planned, cname.Planned) is not { } line)
            {
                continue;
            }

            var wildcard = node.Owner != target ? $" (through the wildcard {node.Owner}, RFC 4592)" : "";
            problems.Add(new ZoneFileProblem(line, ErrorCodes.TargetIsCname, planned is not null && planned.Line == line
                ? $"{target} is a CNAME to {cname.Target}{wildcard}, and an {type} record must not point at a CNAME (RFC 2181 §10.3, RFC 2782). "
                  + $"Point it at {cname.Target} (or wherever that leads) instead."
                : $"The {type} record at {name} points at {target}, which this CNAME would answer for{wildcard}, and an {type} target must "
                  + "not be a CNAME (RFC 2181 §10.3, RFC 2782). Give that name address records instead, or point the record elsewhere."));
        }
    }

    /// <summary>
    /// Loops and chains of more than <see cref="RecordRules.MaxChainHops"/> aliases through the customer's names
    /// (wildcards followed), through each CNAME or ALIAS of the file: the longest run of aliases into it, plus the run
    /// from it, as a single write counts them.
    /// </summary>
    private static void Chains(CustomerNames names, List<ZoneFileProblem> problems)
    {
        var zone = names.Zone;
        var into = new Dictionary<NameNode, List<NameNode>>();
        var edges = zone.Records
            .Where(p => RecordTypes.IsAliasLike(p.Record.Type) && names.EnclosingZone(p.Record.Name) == zone.Id)
            .SelectMany(p => p.Record.Target is { } target ? [(From: new NameNode(zone.Id, p.Record.Name), Target: target)] : Array.Empty<(NameNode From, string Target)>())
            .Concat(names.OtherAliases.Select(a => (From: new NameNode(a.ZoneId, a.Name), a.Target)));
        foreach (var (from, target) in edges)
        {
            if (names.Resolve(target) is { } to)
            {
                (into.TryGetValue(to, out var sources) ? sources : into[to] = []).Add(from);
            }
        }

        foreach (var planned in zone.Records)
        {
            var record = planned.Record;
            if (planned.Line is not { } line || !RecordTypes.IsAliasLike(record.Type) || record.Target is null || names.EnclosingZone(record.Name) != zone.Id)
            {
                continue;
            }

            var start = new NameNode(zone.Id, record.Name);
            var (ahead, loop) = Ahead(names, start);
            if (loop)
            {
                problems.Add(new ZoneFileProblem(line, ErrorCodes.CnameLoop, ahead == 1
                    ? $"{record.Name} cannot be an alias of itself."
                    : $"{record.Name} → {record.Target} closes a loop: following the aliases from {record.Target}, wildcards included "
                      + $"(RFC 4592), comes back to {record.Name}, and resolvers would go round it forever. Point it at a name that ends in addresses."));
                continue;
            }

            var hops = Behind(into, start) + ahead;
            if (hops > RecordRules.MaxChainHops)
            {
                problems.Add(new ZoneFileProblem(line, ErrorCodes.CnameChainTooLong,
                    $"{record.Name} → {record.Target} makes a chain of {hops} aliases through names in your zones, wildcards included "
                    + $"(RFC 4592); resolvers give up after about {RecordRules.MaxChainHops}. Point {record.Name} nearer the end of the chain."));
            }
        }
    }

    /// <summary>The aliases followed from <paramref name="start"/>'s own (1 when its target ends the chain), and whether they come back to it.</summary>
    private static (int Hops, bool Loop) Ahead(CustomerNames names, NameNode start)
    {
        var hops = 0;
        for (var node = start; hops <= RecordRules.MaxChainHops && names.AliasAt(node) is { } alias;)
        {
            hops++;
            if (names.Resolve(alias.Target) is not { } next)
            {
                break;
            }

            if (next == start)
            {
                return (hops, true);
            }

            node = next;
        }

        return (hops, false);
    }

    /// <summary>The longest run of aliases that ends at <paramref name="end"/>, counted level by level up to one past the limit.</summary>
    private static int Behind(Dictionary<NameNode, List<NameNode>> into, NameNode end)
    {
        var level = new HashSet<NameNode> { end };
        var depth = 0;
        while (depth <= RecordRules.MaxChainHops)
        {
            var next = level.SelectMany(n => into.GetValueOrDefault(n) ?? []).ToHashSet();
            if (next.Count == 0)
            {
                break;
            }

            (level, depth) = (next, depth + 1);
        }

        return depth;
    }
}
