using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Records.Servable;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// The rules that depend on what is stored (CONTRACT A4). They run inside the write's transaction after the
/// zone's row lock, and, for writes that change what points where, after the customer's alias-graph lock, so
/// no two concurrent writes can both pass them. The database constraints of migrations/0004 back the
/// per-name ones. The rules that look past the record's own name read only the writing customer's zones
/// (<see cref="CustomerAliasGraph"/>): another customer's names are names on the internet, never a reason to
/// refuse or warn, and never quoted.
/// </summary>
public sealed class RecordRules(ZoneDbContext db)
{
    /// <summary>Resolvers give up on alias chains after about 8 hops (DNScale's CNAME guide); we refuse longer ones.</summary>
    public const int MaxChainHops = 8;

    /// <summary>
    /// CNAME, ALIAS, MX, NS and SRV writes read and change edges between names in any of the customer's zones
    /// (targets, chains, loops). Their zone's row lock does not cover the other zones, so they also take the
    /// customer's alias-graph lock. It is always taken after the zone lock, and never the other way round, so
    /// the two cannot deadlock.
    /// </summary>
    public static bool NeedsAliasGraphLock(string type) => RecordTypes.IsAliasLike(type) || RecordTypes.TargetsMustNotBeCname(type);

    /// <summary>One lock per customer (migrations/0008): one customer's writes never wait for another's.</summary>
    public Task TakeAliasGraphLockAsync(Guid customerId, CancellationToken ct) => db.Database.TakeAliasGraphLockAsync(customerId, ct);

    /// <summary>
    /// The servable-zone rules (<see cref="ServableZoneRules"/>) on the state a saved write leaves, before it commits:
    /// wildcards, delegations and RRsets as a server sees them. A refusal rolls the write back.
    /// </summary>
    public Task<RecordError?> CheckWrittenAsync(Zone zone, DnsRecord written, CancellationToken ct) =>
        new ServableZoneRules(db, zone).AfterWriteAsync(written, cutsBefore: null, belowCut: true, ct);

    /// <summary>The same, for a batch that knows whether a zone cut lies at or above the value's name (<see cref="Batch.ZoneCutNames"/>).</summary>
    public Task<RecordError?> CheckWrittenAsync(Zone zone, DnsRecord written, bool belowCut, CancellationToken ct) =>
        new ServableZoneRules(db, zone).AfterWriteAsync(written, cutsBefore: null, belowCut, ct);

    /// <summary>
    /// The same, given the highest zone cut above the name as read under the zone lock before a write that added
    /// <paramref name="written"/> and removed no NS record (null: read it here).
    /// </summary>
    internal Task<RecordError?> CheckWrittenAsync(Zone zone, DnsRecord written, CutsRead? cutsBefore, CancellationToken ct) =>
        new ServableZoneRules(db, zone).AfterWriteAsync(written, cutsBefore, belowCut: true, ct);

    /// <summary>The same, after a deletion: a name that goes away may leave a nameserver without an address or expose a wildcard.</summary>
    public Task<RecordError?> CheckDeletedAsync(Zone zone, IReadOnlyList<DnsRecord> deleted, CancellationToken ct) =>
        new ServableZoneRules(db, zone).AfterDeleteAsync(deleted, ct);

    /// <summary>
    /// Checks a new value against the records that stay at its name (<paramref name="neighbours"/>) and the customer's
    /// other names. What it needs of those is read in one round trip (<see cref="AliasGraphFacts"/>); the rules are
    /// functions of it.
    /// </summary>
    public async Task<(RecordError? Violation, IReadOnlyList<Warning> Warnings)> CheckAsync(
        Zone zone, RecordInput input, IReadOnlyList<DnsRecord> neighbours, CancellationToken ct)
    {
        if (Coexistence(input, neighbours) is { } conflict)
        {
            return (conflict, []);
        }

        var facts = await AliasGraphFacts.ReadAsync(db, zone.CustomerId, input, MaxChainHops + 1, ct);
        return Check(input, facts);
    }

    /// <summary>The rules that look past the record's own name, and the warnings, over what the customer's names hold.</summary>
    internal static (RecordError? Violation, IReadOnlyList<Warning> Warnings) Check(RecordInput input, AliasGraphFacts facts)
    {
        if ((TargetIsCname(input, facts) ?? Chain(input, facts)) is { } violation)
        {
            return (violation, []);
        }

        var warnings = new List<Warning>();
        if (RecordTypes.IsAliasLike(input.Type) && input.Target is not null && facts.TargetIsAlias)
        {
            warnings.Add(new Warning(WarningCodes.CnameChain,
                $"{input.Target} is itself an alias, so resolvers need one more lookup for {input.Name}; point it at the final name instead."));
        }

        if ((RecordTypes.IsAliasLike(input.Type) || RecordTypes.TargetsMustNotBeCname(input.Type))
            && input.Target is { } target && target != input.Name && facts.TargetInZoneButEmpty)
        {
            warnings.Add(new Warning(WarningCodes.TargetDoesNotResolve,
                $"{target} is in one of your zones but has no records, so {input.Name} will not resolve until you add some there."));
        }

        return (null, warnings);
    }

    /// <summary>RFC 1034 §3.6.2: a CNAME shares its name with nothing. ALIAS answers with A/AAAA, so it cannot share with them.</summary>
    private static RecordError? Coexistence(RecordInput input, IReadOnlyList<DnsRecord> neighbours)
    {
        if (input.Type == RecordTypes.Cname)
        {
            var inTheWay = neighbours.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal).ToList();
            return inTheWay.Count == 0 ? null : new RecordError(ErrorCodes.CnameConflict,
                $"{input.Name} already has {string.Join(" and ", inTheWay)} records, and a CNAME must be the only record at its name "
                + "(RFC 1034 §3.6.2). Delete those first, or use ALIAS or A/AAAA records instead of a CNAME.");
        }

        if (neighbours.FirstOrDefault(r => r.Type == RecordTypes.Cname) is { } cname)
        {
            return new RecordError(ErrorCodes.CnameConflict,
                $"{input.Name} is a CNAME to {cname.Content}, so it cannot hold a {input.Type} record as well (RFC 1034 §3.6.2). "
                + "Delete the CNAME first, or add the record at the CNAME's target.");
        }

        if (input.Type == RecordTypes.Alias && neighbours.Where(r => r.Type is RecordTypes.A or RecordTypes.Aaaa).Select(r => r.Type).Distinct().ToList() is { Count: > 0 } addresses)
        {
            return new RecordError(ErrorCodes.AliasConflict,
                $"{input.Name} already has {string.Join(" and ", addresses.Order(StringComparer.Ordinal))} records; an ALIAS answers with "
                + "addresses itself, so it cannot share a name with them. Delete them first, or keep the addresses and drop the ALIAS.");
        }

        return input.Type is RecordTypes.A or RecordTypes.Aaaa && neighbours.FirstOrDefault(r => r.Type == RecordTypes.Alias) is { } alias
            ? new RecordError(ErrorCodes.AliasConflict,
                $"{input.Name} is an ALIAS to {alias.Content}, which answers {input.Type} queries itself. Delete the ALIAS before adding addresses.")
            : null;
    }

    /// <summary>RFC 2181 §10.3 (MX, NS) and RFC 2782 (SRV): their targets must be names with addresses, never aliases.</summary>
    private static RecordError? TargetIsCname(RecordInput input, AliasGraphFacts facts)
    {
        if (RecordTypes.TargetsMustNotBeCname(input.Type) && input.Target is { } target && facts.CnameAtTarget is { } cname)
        {
            return new RecordError(ErrorCodes.TargetIsCname,
                $"{target} is a CNAME to {cname}, and an {input.Type} record must not point at a CNAME (RFC 2181 §10.3, RFC 2782). "
                + $"Point it at {cname} (or wherever that leads) instead.");
        }

        if (input.Type == RecordTypes.Cname && facts.PointerAtName is { } pointer)
        {
            return new RecordError(ErrorCodes.TargetIsCname,
                $"The {pointer.Type} record at {pointer.Name} points at {input.Name}, and an {pointer.Type} target must not be a CNAME "
                + "(RFC 2181 §10.3, RFC 2782). Give that name address records instead, or point the "
                + $"{pointer.Type} record elsewhere first.");
        }

        return null;
    }

    /// <summary>
    /// Loops and over-long chains through the customer's names. The chain through the new edge name → target
    /// is the longest run of aliases ending at name, plus the edge, plus the run that starts at target.
    /// </summary>
    private static RecordError? Chain(RecordInput input, AliasGraphFacts facts)
    {
        if (!RecordTypes.IsAliasLike(input.Type) || input.Target is not { } target)
        {
            return null;
        }

        var ahead = facts.Ahead;
        if (ahead.FirstOrDefault(step => step.Name == input.Name) is { } back)
        {
            return new RecordError(ErrorCodes.CnameLoop, back.Hops == 1
                ? $"{input.Name} cannot be an alias of itself."
                : $"{input.Name} → {target} would close a loop: {target} already leads back to {input.Name} in {back.Hops - 1} "
                  + "hop(s), and resolvers would go round it forever. Point it at a name that ends in addresses.");
        }

        var hops = facts.LongestRunIntoName + ahead.Max(step => step.Hops);
        return hops <= MaxChainHops ? null : new RecordError(ErrorCodes.CnameChainTooLong,
            $"{input.Name} → {target} would make a chain of {hops} aliases through names in your zones; resolvers give up "
            + $"after about {MaxChainHops}. Point {input.Name} nearer the end of the chain.");
    }
}
