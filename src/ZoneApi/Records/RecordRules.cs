using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// The rules that depend on what is stored (CONTRACT A4). They run inside the write's transaction after the
/// zone's row lock, and, for writes that change what points where, after the alias-graph lock, so no two
/// concurrent writes can both pass them. The database constraints of migrations/0004 back the per-name ones.
/// </summary>
public sealed class RecordRules(ZoneDbContext db)
{
    /// <summary>Resolvers give up on alias chains after about 8 hops (DNScale's CNAME guide); we refuse longer ones.</summary>
    public const int MaxChainHops = 8;

    // Any fixed number, the same in every instance: the one lock that serialises alias-graph writes server-wide.
    private const long AliasGraphLockKey = 0x5A6F6E6541676C31;

    /// <summary>
    /// CNAME, ALIAS, MX, NS and SRV writes read and change edges between names in any hosted zone (targets,
    /// chains, loops). Their zone's row lock does not cover other zones, so they also take this lock. It is
    /// always taken after the zone lock, and never the other way round, so the two cannot deadlock.
    /// </summary>
    public static bool NeedsAliasGraphLock(string type) => RecordTypes.IsAliasLike(type) || RecordTypes.TargetsMustNotBeCname(type);

    public Task TakeAliasGraphLockAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AliasGraphLockKey})", ct);

    /// <summary>Checks a new value against the records that stay at its name (<paramref name="neighbours"/>) and across hosted zones.</summary>
    public async Task<(RecordError? Violation, IReadOnlyList<Warning> Warnings)> CheckAsync(
        Zone zone, RecordInput input, IReadOnlyList<DnsRecord> neighbours, CancellationToken ct)
    {
        var violation = Coexistence(input, neighbours)
            ?? await TargetIsCnameAsync(input, ct)
            ?? await ChainAsync(input, ct);
        if (violation is not null)
        {
            return (violation, []);
        }

        var warnings = new List<Warning>();
        if (RecordTypes.IsAliasLike(input.Type) && input.Target is { } aliasTarget && await IsAliasAsync(aliasTarget, ct))
        {
            warnings.Add(new Warning(WarningCodes.CnameChain,
                $"{input.Target} is itself an alias, so resolvers need one more lookup for {input.Name}; point it at the final name instead."));
        }

        if ((RecordTypes.IsAliasLike(input.Type) || RecordTypes.TargetsMustNotBeCname(input.Type))
            && input.Target is { } target && await IsHostedButEmptyAsync(target, zone, input, ct))
        {
            warnings.Add(new Warning(WarningCodes.TargetDoesNotResolve,
                $"{target} is in a zone this server hosts but has no records, so {input.Name} will not resolve until you add some there."));
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
    private async Task<RecordError?> TargetIsCnameAsync(RecordInput input, CancellationToken ct)
    {
        if (RecordTypes.TargetsMustNotBeCname(input.Type) && input.Target is { } target)
        {
            var cname = await db.Records.AsNoTracking()
                .Where(r => r.Name == target && r.Type == RecordTypes.Cname).Select(r => r.Content).FirstOrDefaultAsync(ct);
            if (cname is not null)
            {
                return new RecordError(ErrorCodes.TargetIsCname,
                    $"{target} is a CNAME to {cname}, and an {input.Type} record must not point at a CNAME (RFC 2181 §10.3, RFC 2782). "
                    + $"Point it at {cname} (or wherever that leads) instead.");
            }
        }

        if (input.Type == RecordTypes.Cname)
        {
            var pointer = await db.Records.AsNoTracking()
                .Where(r => r.Target == input.Name && (r.Type == RecordTypes.Mx || r.Type == RecordTypes.Ns || r.Type == RecordTypes.Srv))
                .OrderBy(r => r.Name).Select(r => new { r.Name, r.Type }).FirstOrDefaultAsync(ct);
            if (pointer is not null)
            {
                return new RecordError(ErrorCodes.TargetIsCname,
                    $"The {pointer.Type} record at {pointer.Name} points at {input.Name}, and an {pointer.Type} target must not be a CNAME "
                    + "(RFC 2181 §10.3, RFC 2782). Give that name address records instead, or point the "
                    + $"{pointer.Type} record elsewhere first.");
            }
        }

        return null;
    }

    /// <summary>
    /// Loops and over-long chains through hosted names. The chain through the new edge name → target is the
    /// longest run of aliases ending at name, plus the edge, plus the run that starts at target.
    /// </summary>
    private async Task<RecordError?> ChainAsync(RecordInput input, CancellationToken ct)
    {
        if (!RecordTypes.IsAliasLike(input.Type) || input.Target is not { } target)
        {
            return null;
        }

        var ahead = await db.Database.SqlQuery<ChainStep>($"""
            WITH RECURSIVE chain(name, hops) AS (
                SELECT {target}::text COLLATE "C", 1
                UNION
                SELECT r.target, c.hops + 1
                FROM chain c JOIN records r ON r.name = c.name
                WHERE r.type IN ('CNAME', 'ALIAS') AND r.target IS NOT NULL AND c.hops <= {MaxChainHops + 1}
            )
            SELECT name AS "Name", hops AS "Hops" FROM chain
            """).ToListAsync(ct);
        if (ahead.FirstOrDefault(step => step.Name == input.Name) is { } back)
        {
            return new RecordError(ErrorCodes.CnameLoop, back.Hops == 1
                ? $"{input.Name} cannot be an alias of itself."
                : $"{input.Name} → {target} would close a loop: {target} already leads back to {input.Name} in {back.Hops - 1} "
                  + "hop(s), and resolvers would go round it forever. Point it at a name that ends in addresses.");
        }

        var behind = await db.Database.SqlQuery<int>($"""
            WITH RECURSIVE up(name, hops) AS (
                SELECT {input.Name}::text COLLATE "C", 0
                UNION
                SELECT r.name, u.hops + 1
                FROM up u JOIN records r ON r.target = u.name
                WHERE r.type IN ('CNAME', 'ALIAS') AND u.hops <= {MaxChainHops + 1}
            )
            SELECT max(hops) AS "Value" FROM up
            """).SingleAsync(ct);
        var hops = behind + ahead.Max(step => step.Hops);
        return hops <= MaxChainHops ? null : new RecordError(ErrorCodes.CnameChainTooLong,
            $"{input.Name} → {target} would make a chain of {hops} aliases through names this server hosts; resolvers give up "
            + $"after about {MaxChainHops}. Point {input.Name} nearer the end of the chain.");
    }

    private Task<bool> IsAliasAsync(string name, CancellationToken ct) =>
        db.Records.AsNoTracking().AnyAsync(r => r.Name == name && (r.Type == RecordTypes.Cname || r.Type == RecordTypes.Alias), ct);

    /// <summary>The target is at or below a hosted zone's apex, and nothing answers there: no record, no wildcard.</summary>
    private async Task<bool> IsHostedButEmptyAsync(string target, Zone zone, RecordInput input, CancellationToken ct)
    {
        var labels = target.TrimEnd('.').Split('.');
        var enclosing = Enumerable.Range(0, labels.Length - 1).Select(i => string.Join('.', labels[i..])).ToList();
        if (!enclosing.Contains(zone.Name) && !await db.Zones.AsNoTracking().AnyAsync(z => enclosing.Contains(z.Name), ct))
        {
            return false;
        }

        // RFC 4592: a wildcard at the parent answers for a name that has no records of its own.
        var wildcard = "*." + string.Join('.', labels[1..]) + ".";
        return target != input.Name && !await db.Records.AsNoTracking().AnyAsync(r => r.Name == target || r.Name == wildcard, ct);
    }

    private sealed record ChainStep(string Name, int Hops);
}
