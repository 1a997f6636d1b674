using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Records.Servable;

/// <summary>
/// One customer's names as a server answers them: a name without a node of its own is answered by the wildcard
/// at its closest encloser (RFC 4592 §3.3.1; zoneapi_answering_name, migrations/0010). Like
/// <see cref="CustomerAliasGraph"/>, it reads only the customer's zones, each name in the zone that most closely
/// encloses it (CONTRACT A4, Tenancy). Each method is one round trip.
/// </summary>
internal sealed class AnsweringNames(ZoneDbContext db, Guid customerId)
{
    /// <summary>The CNAME that answers queries for <paramref name="name"/>: its own, or a wildcard's.</summary>
    public async Task<AnsweringAlias?> CnameAnsweringAsync(string name, CancellationToken ct) =>
        // LIMIT in the SQL, not FirstOrDefault: EF would wrap the query and warn that nothing orders it.
        (await db.Database.SqlQuery<AnsweringAlias>($"""
            SELECT r.name AS "Owner", r.content AS "Target"
            FROM (SELECT zoneapi_enclosing_zone({customerId}, {name}) AS id) z
            JOIN records r ON r.zone_id = z.id AND r.name = zoneapi_answering_name(z.id, {name}) COLLATE "C" AND r.type = 'CNAME'
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();

    /// <summary>
    /// The first (by name) of the customer's MX, NS and SRV records whose target lies at or below
    /// <paramref name="branch"/> in zone <paramref name="zoneId"/> and is answered by <paramref name="owner"/> (a wildcard).
    /// </summary>
    public async Task<AnsweredPointer?> PointerAnsweredByAsync(Guid zoneId, string branch, string owner, CancellationToken ct) =>
        (await db.Database.SqlQuery<AnsweredPointer>($"""
            SELECT p.name AS "Name", p.type AS "Type", p.target AS "Target"
            FROM records p
            WHERE p.type IN ('MX', 'NS', 'SRV') AND p.target IS NOT NULL
              AND (p.target = {branch}
                   OR (reverse(p.target) >= (reverse({branch}::text) || '.') COLLATE "C"
                       AND reverse(p.target) < (reverse({branch}::text) || '/') COLLATE "C"))
              AND p.zone_id = zoneapi_enclosing_zone({customerId}, p.name)
              AND zoneapi_enclosing_zone({customerId}, p.target) = {zoneId}
              AND zoneapi_answering_name({zoneId}, p.target) COLLATE "C" = {owner}
            ORDER BY p.name, p.type
            LIMIT 1
            """).ToListAsync(ct)).FirstOrDefault();

    /// <summary>
    /// Both ends of the chain through the alias <paramref name="owner"/> → <paramref name="target"/>, wildcards included,
    /// in one round trip, each up to <paramref name="limit"/> hops:
    /// <list type="bullet">
    /// <item>Ahead: the names reached from the target by following the CNAME and ALIAS records that answer each name.
    /// Each step says which owner's record led to it, so a chain that comes back through the owner is a loop.</item>
    /// <item>RunInto: the longest run of the customer's CNAME and ALIAS records that ends in the owner's record: those whose
    /// target is the owner, and, when the owner is a wildcard, those whose target it answers for.</item>
    /// </list>
    /// </summary>
    public async Task<(List<AliasStep> Ahead, int RunInto)> ChainThroughAsync(string owner, string target, int limit, CancellationToken ct)
    {
        await using var batch = db.Database.CreateBatch();
        batch.Add(AheadSql, customerId, owner, target, limit);
        batch.Add(RunIntoSql, customerId, owner, limit);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var ahead = new List<AliasStep>();
        while (await reader.ReadAsync(ct))
        {
            ahead.Add(new AliasStep(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(ct);
        var runInto = await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetInt32(0) : 0;
        return (ahead, runInto);
    }

    // $1 customer, $2 owner, $3 target, $4 limit.
    private const string AheadSql = """
        WITH RECURSIVE chain(name, via, hops) AS (
            SELECT $3::text COLLATE "C", $2::text COLLATE "C", 1
            UNION
            SELECT r.target, r.name, c.hops + 1
            FROM chain c
            CROSS JOIN LATERAL (
                SELECT z.id, zoneapi_answering_name(z.id, c.name) COLLATE "C" AS owner
                FROM (SELECT zoneapi_enclosing_zone($1, c.name) AS id) z
            ) a
            JOIN records r ON r.zone_id = a.id AND r.name = a.owner
            WHERE r.type IN ('CNAME', 'ALIAS') AND r.target IS NOT NULL AND c.hops <= $4
        )
        SELECT name, via, hops FROM chain
        """;

    // $1 customer, $2 owner, $3 limit.
    private const string RunIntoSql = """
        WITH RECURSIVE up(name, hops) AS (
            SELECT $2::text COLLATE "C", 0
            UNION
            SELECT p.name, u.hops + 1
            FROM up u
            CROSS JOIN LATERAL (
                SELECT r.zone_id, r.name, r.target FROM records r
                WHERE r.target = u.name AND r.type IN ('CNAME', 'ALIAS')
                UNION ALL
                SELECT r.zone_id, r.name, r.target FROM records r
                WHERE u.name LIKE '*.%' AND r.target IS NOT NULL AND r.type IN ('CNAME', 'ALIAS')
                  AND reverse(r.target) >= (reverse(substr(u.name, 3)) || '.') COLLATE "C"
                  AND reverse(r.target) < (reverse(substr(u.name, 3)) || '/') COLLATE "C"
            ) p
            WHERE p.zone_id = zoneapi_enclosing_zone($1, p.name)
              AND zoneapi_answering_name(zoneapi_enclosing_zone($1, p.target), p.target) COLLATE "C" = u.name
              AND u.hops <= $3
        )
        SELECT max(hops) FROM up
        """;

    /// <summary>A CNAME and the owner name that holds it (the queried name itself, or a wildcard).</summary>
    internal sealed record AnsweringAlias(string Owner, string Target);

    /// <summary>An MX, NS or SRV record and the host it points at.</summary>
    internal sealed record AnsweredPointer(string Name, string Type, string Target);

    /// <summary>A name on an alias chain, the owner whose record led to it, and the hops from the chain's start.</summary>
    internal sealed record AliasStep(string Name, string Via, int Hops);
}
