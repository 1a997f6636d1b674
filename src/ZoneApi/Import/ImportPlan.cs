using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Records;

namespace ZoneApi.Import;

/// <summary>A value of the file, validated as a POST validates it, with the line it came from.</summary>
public sealed record FileValue(int Line, RecordInput Input);

/// <summary>A value of the zone as the import leaves it, and the file line that states it (null: the file does not).</summary>
public sealed record PlannedRecord(DnsRecord Record, int? Line);

/// <summary>
/// What an import makes of a zone, worked out in memory from the stored records and the file's values (no database):
/// the final records, the diff against the stored ones, the lines left out, and the problems that are visible from
/// the zone alone before any rule runs. It does what the same values sent one by one as POSTs would do (CONTRACT A3):
/// an RRset takes the TTL written for it (RFC 2181 §5.2), a CNAME or ALIAS replaces the one at its name, and the SOA
/// and the server's apex NS records are the server's.
/// </summary>
public sealed class ImportPlan
{
    private ImportPlan(List<PlannedRecord> final, List<DnsRecord> added, List<DnsRecord> removed, List<(DnsRecord Before, DnsRecord After)> changed,
        int unchanged, List<IgnoredLine> ignored, List<ZoneFileProblem> problems)
    {
        (Final, Added, Removed, Changed, Unchanged, Ignored, Problems) = (final, added, removed, changed, unchanged, ignored, problems);
    }

    public IReadOnlyList<PlannedRecord> Final { get; }

    public IReadOnlyList<DnsRecord> Added { get; }

    public IReadOnlyList<DnsRecord> Removed { get; }

    public IReadOnlyList<(DnsRecord Before, DnsRecord After)> Changed { get; }

    public int Unchanged { get; }

    public IReadOnlyList<IgnoredLine> Ignored { get; }

    public IReadOnlyList<ZoneFileProblem> Problems { get; }

    public bool ChangesNothing => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static ImportPlan Build(Guid zoneId, string zoneName, IReadOnlyList<DnsRecord> stored, IReadOnlyList<FileValue> file, ImportMode mode,
        IReadOnlyList<IgnoredLine> ignoredAlready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(file);

        var apex = zoneName + ".";
        var ignored = new List<IgnoredLine>(ignoredAlready);
        var problems = new List<ZoneFileProblem>();
        var serverNs = stored.Where(r => r.Protected && r.Type == RecordTypes.Ns).ToList();

        // The file's values, one per id, each RRset with the TTL of its first line.
        var wanted = new Dictionary<string, FileValue>(StringComparer.Ordinal);
        var rrsetTtl = new Dictionary<(string Name, string Type), FileValue>();
        var aliasAt = new Dictionary<string, FileValue>(StringComparer.Ordinal);
        foreach (var value in file)
        {
            var input = value.Input;
            if (input.Type == RecordTypes.Ns && input.Name == apex && serverNs.Any(ns => ns.Id == input.Id))
            {
                ignored.Add(new IgnoredLine(value.Line, $"the NS record {input.Content} at the apex is the server's own; it stays as it is"));
                continue;
            }

            if (wanted.TryGetValue(input.Id, out var earlier))
            {
                ignored.Add(new IgnoredLine(value.Line, $"the same {input.Type} value as line {earlier.Line}"));
                continue;
            }

            if (RecordTypes.IsAliasLike(input.Type))
            {
                if (aliasAt.TryGetValue(input.Name, out var other))
                {
                    problems.Add(new ZoneFileProblem(value.Line, ErrorCodes.CnameConflict,
                        $"{input.Name} already has the {other.Input.Type} of line {other.Line}; a name holds one CNAME or ALIAS at most "
                        + "(RFC 1034 §3.6.2)"));
                    continue;
                }

                aliasAt[input.Name] = value;
            }

            if (rrsetTtl.TryGetValue((input.Name, input.Type), out var first))
            {
                if (first.Input.Ttl != input.Ttl)
                {
                    ignored.Add(new IgnoredLine(value.Line,
                        $"TTL {input.Ttl} differs from line {first.Line}'s {first.Input.Ttl}; an RRset has one TTL (RFC 2181 §5.2), so the "
                        + $"value is imported with {first.Input.Ttl}, as BIND does"));
                }
            }
            else
            {
                rrsetTtl[(input.Name, input.Type)] = value;
            }

            wanted[input.Id] = value;
        }

        // The server's NS RRset keeps its TTL: other apex NS values must share it (CONTRACT A5), as a POST requires.
        if (rrsetTtl.TryGetValue((apex, RecordTypes.Ns), out var apexNs) && serverNs.FirstOrDefault(ns => ns.Ttl != apexNs.Input.Ttl) is { } mine)
        {
            problems.Add(new ZoneFileProblem(apexNs.Line, ErrorCodes.ProtectedRecord,
                RecordErrors.Protected(mine).Error.Message + " Write the apex NS records with that TTL."));
        }

        var storedById = stored.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var final = new Dictionary<string, PlannedRecord>(StringComparer.Ordinal);
        foreach (var record in stored)
        {
            var keep = record.Protected || wanted.ContainsKey(record.Id) || mode == ImportMode.Merge
                && !(RecordTypes.IsAliasLike(record.Type) && aliasAt.TryGetValue(record.Name, out var alias) && alias.Input.Type == record.Type);
            if (keep)
            {
                final[record.Id] = new PlannedRecord(Copy(record), null);
            }
        }

        foreach (var (id, value) in wanted)
        {
            var input = value.Input;
            var ttl = rrsetTtl[(input.Name, input.Type)].Input.Ttl;
            if (final.TryGetValue(id, out var kept))
            {
                kept.Record.Ttl = ttl;
                kept.Record.Disabled = false;
                final[id] = kept with { Line = value.Line };
                continue;
            }

            final[id] = new PlannedRecord(new DnsRecord
            {
                ZoneId = zoneId,
                Id = id,
                Name = input.Name,
                Type = input.Type,
                Content = input.Content,
                Priority = input.Priority,
                Target = input.Target,
                Ttl = ttl,
                CreatedAt = now,
                UpdatedAt = now,
            }, value.Line);
        }

        // The TTL (and comment) belong to the RRset: values the file does not name take the file's TTL too, as after a POST.
        var rrsetComment = new Dictionary<(string Name, string Type), string>();
        foreach (var record in stored.Where(r => !r.Protected && r.Comment is not null))
        {
            rrsetComment.TryAdd((record.Name, record.Type), record.Comment!);
        }

        foreach (var planned in final.Values)
        {
            var record = planned.Record;
            if (!record.Protected && rrsetTtl.TryGetValue((record.Name, record.Type), out var rrset))
            {
                record.Ttl = rrset.Input.Ttl;
                record.Comment ??= rrsetComment.GetValueOrDefault((record.Name, record.Type));
            }
        }

        var added = new List<DnsRecord>();
        var changed = new List<(DnsRecord, DnsRecord)>();
        var unchanged = 0;
        foreach (var planned in final.Values)
        {
            var after = planned.Record;
            if (!storedById.TryGetValue(after.Id, out var before))
            {
                added.Add(after);
            }
            else if (before.Ttl != after.Ttl || before.Disabled != after.Disabled || before.Comment != after.Comment)
            {
                after.UpdatedAt = now;
                changed.Add((before, after));
            }
            else if (after.Type != RecordTypes.Soa)
            {
                unchanged++;
            }
        }

        var removed = stored.Where(r => !final.ContainsKey(r.Id)).ToList();
        return new ImportPlan([.. final.Values], added, removed, changed, unchanged, ignored, problems);
    }

    private static DnsRecord Copy(DnsRecord r) => new()
    {
        ZoneId = r.ZoneId,
        Id = r.Id,
        Name = r.Name,
        Type = r.Type,
        Content = r.Content,
        Priority = r.Priority,
        Target = r.Target,
        Ttl = r.Ttl,
        Disabled = r.Disabled,
        Comment = r.Comment,
        Protected = r.Protected,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
    };
}
