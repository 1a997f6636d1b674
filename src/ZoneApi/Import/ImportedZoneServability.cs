using ZoneApi.Dns;
using ZoneApi.Http;

namespace ZoneApi.Import;

/// <summary>
/// The servable-zone rules that stay inside the imported zone (Records/Servable: ZoneCuts, NameserverAddresses), over
/// its final state in memory: nothing at or below a zone cut but the delegation's NS records and their glue
/// (RFC 1034 §4.2.1, RFC 2181 §6), and an NS target inside the zone, not delegated away, needs an enabled address
/// there (RFC 1034 §4.2.2; BIND refuses to load the zone otherwise).
/// </summary>
internal static class ImportedZoneServability
{
    public static void Check(CustomerNames names, List<ZoneFileProblem> problems)
    {
        var zone = names.Zone;
        var apex = zone.Apex;
        var cuts = zone.Records.Where(p => p.Record.Type == RecordTypes.Ns && p.Record.Name != apex).Select(p => p.Record.Name)
            .ToHashSet(StringComparer.Ordinal);
        var childZones = names.OtherZoneApexes.Where(z => z != apex && OwnerNameTree.IsAtOrBelow(z, apex)).ToHashSet(StringComparer.Ordinal);
        if (cuts.Count > 0 || childZones.Count > 0)
        {
            Occluded(zone, cuts, childZones, problems);
        }

        foreach (var ns in zone.Records)
        {
            if (ns is { Line: { } line, Record: { Type: RecordTypes.Ns, Disabled: false, Target: { } target } }
                && OwnerNameTree.IsAtOrBelow(target, apex) && !OwnerNameTree.BelowApex(target, apex).Any(cuts.Contains)
                && !(zone.AnsweringName(target) is { } answering
                     && zone.At(answering).Any(a => a.Record is { Type: RecordTypes.A or RecordTypes.Aaaa, Disabled: false })))
            {
                problems.Add(new ZoneFileProblem(line, ErrorCodes.NsTargetNeedsAddress,
                    $"{target} lies inside this zone, so resolvers can reach that nameserver only through an A or AAAA record at {target} "
                    + "(RFC 1034 §4.2.2; BIND refuses to load the zone without one). Add the address to the file."));
            }
        }
    }

    private static void Occluded(ImportedZone zone, HashSet<string> cuts, HashSet<string> childZones, List<ZoneFileProblem> problems)
    {
        foreach (var planned in zone.Records)
        {
            var record = planned.Record;
            if (OwnerNameTree.BelowApex(record.Name, zone.Apex).FirstOrDefault(n => cuts.Contains(n) || childZones.Contains(n)) is not { } cut)
            {
                continue;
            }

            var delegation = zone.At(cut).Where(p => p.Record.Type == RecordTypes.Ns).ToList();
            var allowed = (record.Type == RecordTypes.Ns && record.Name == cut)
                || (record.Type is RecordTypes.A or RecordTypes.Aaaa && delegation.Any(ns => ns.Record.Target == record.Name));
            if (allowed || ImportedZoneRules.LatestLine([planned, .. delegation]) is not { } line)
            {
                continue;
            }

            var why = childZones.Contains(cut)
                ? $"{cut} is the apex of your zone {cut.TrimEnd('.')}, which answers for every name at or below it"
                : $"{cut} is delegated by its NS records, so every name at or below it belongs to the child zone";
            problems.Add(new ZoneFileProblem(line, ErrorCodes.OccludedRecord,
                $"The {record.Type} record {record.Content} at {record.Name} would never be served: {why} (RFC 1034 §4.2.1). Only NS records "
                + $"at {cut} and the A/AAAA records of their targets (glue) may be there. Put the record in the zone that answers for {cut}."));
        }
    }
}
