using Npgsql;
using ZoneApi.Data;
using ZoneApi.Dns;

namespace ZoneApi.Records;

/// <summary>
/// What the rules that look past a record's own name need to know about the customer's names for one new value,
/// read in one round trip (the same statements as <see cref="CustomerAliasGraph"/>, batched), so that
/// <see cref="RecordRules"/> decides with plain C# over it. Each name is looked up only in the customer's zone that
/// most closely encloses it (CONTRACT A4, Tenancy). Facts a value's type does not need are not read.
/// </summary>
internal sealed record AliasGraphFacts(
    string? CnameAtTarget,
    CustomerAliasGraph.Pointer? PointerAtName,
    IReadOnlyList<CustomerAliasGraph.ChainStep> Ahead,
    int LongestRunIntoName,
    bool TargetIsAlias,
    bool TargetInZoneButEmpty)
{
    public static readonly AliasGraphFacts None = new(null, null, [], 0, false, false);

    private const string CnameTargetAtSql = """
        SELECT content FROM records
        WHERE zone_id = zoneapi_enclosing_zone($1, $2) AND name = $2 AND type = 'CNAME'
        LIMIT 1
        """;

    private const string PointerAtSql = """
        SELECT name, type FROM records
        WHERE target = $2 AND type IN ('MX', 'NS', 'SRV') AND zone_id = zoneapi_enclosing_zone($1, name)
        ORDER BY name, type
        LIMIT 1
        """;

    private const string AheadSql = """
        WITH RECURSIVE chain(name, hops) AS (
            SELECT $2::text COLLATE "C", 1
            UNION
            SELECT r.target, c.hops + 1
            FROM chain c JOIN records r ON r.zone_id = zoneapi_enclosing_zone($1, c.name) AND r.name = c.name
            WHERE r.type IN ('CNAME', 'ALIAS') AND r.target IS NOT NULL AND c.hops <= $3
        )
        SELECT name, hops FROM chain
        """;

    private const string LongestRunIntoSql = """
        WITH RECURSIVE up(name, hops) AS (
            SELECT $2::text COLLATE "C", 0
            UNION
            SELECT r.name, u.hops + 1
            FROM up u
            -- OFFSET 0 keeps this a lookup of records_target_idx per name on the run. As a plain join the planner read
            -- every CNAME and ALIAS of the table and called zoneapi_enclosing_zone on each: 12 ms with 1,000 aliases
            -- to one CDN host, growing with them.
            CROSS JOIN LATERAL (
                SELECT r.name, r.zone_id FROM records r
                WHERE r.target = u.name AND r.type IN ('CNAME', 'ALIAS')
                OFFSET 0
            ) r
            WHERE r.zone_id = zoneapi_enclosing_zone($1, r.name) AND u.hops <= $3
        )
        SELECT max(hops) FROM up
        """;

    private const string IsAliasSql = """
        SELECT EXISTS (
            SELECT 1 FROM records
            WHERE zone_id = zoneapi_enclosing_zone($1, $2) AND name = $2 AND type IN ('CNAME', 'ALIAS')
        )
        """;

    private const string IsInZoneButEmptySql = """
        SELECT e.zone_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM records r WHERE r.zone_id = e.zone_id AND r.name IN ($2, $3)
        )
        FROM (SELECT zoneapi_enclosing_zone($1, $2) AS zone_id) e
        """;

    /// <summary>
    /// The facts <paramref name="input"/>'s type needs, in one round trip, after the customer's alias-graph lock where the type
    /// needs that (<see cref="RecordRules.NeedsAliasGraphLock"/>); none, and no round trip, for a value that points nowhere.
    /// </summary>
    public static async Task<AliasGraphFacts> ReadAsync(ZoneDbContext db, Guid customerId, RecordInput input, int limit, CancellationToken ct)
    {
        var alias = RecordTypes.IsAliasLike(input.Type);
        var pointer = RecordTypes.TargetsMustNotBeCname(input.Type);
        var target = input.Target ?? ""; // read only by the facts below, each of which needs a target
        var hasTarget = input.Target is not null;
        var cnameAtTarget = pointer && hasTarget;
        var pointerAtName = input.Type == RecordTypes.Cname;
        var chain = alias && hasTarget;
        var empty = (alias || pointer) && hasTarget && target != input.Name;
        // The customer's alias-graph lock first, in the same round trip, when the caller has not taken it: the reads
        // after it then see a graph no other write of the customer's can change before this one commits.
        var takesLock = RecordRules.NeedsAliasGraphLock(input.Type) && !db.Database.HoldsAliasGraphLock(customerId);
        if (!takesLock && !cnameAtTarget && !pointerAtName && !chain && !empty)
        {
            return None;
        }

        await using var batch = db.Database.CreateBatch();
        if (takesLock)
        {
            batch.Add(AliasGraphLock.Sql, customerId);
        }

        if (cnameAtTarget)
        {
            batch.Add(CnameTargetAtSql, customerId, target);
        }

        if (pointerAtName)
        {
            batch.Add(PointerAtSql, customerId, input.Name);
        }

        if (chain)
        {
            batch.Add(AheadSql, customerId, target, limit);
            batch.Add(LongestRunIntoSql, customerId, input.Name, limit);
            batch.Add(IsAliasSql, customerId, target);
        }

        if (empty)
        {
            // RFC 4592: a wildcard at the target's parent answers for it.
            var parent = target.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? target[(dot + 1)..] : "";
            batch.Add(IsInZoneButEmptySql, customerId, target, "*." + parent);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (takesLock)
        {
            db.Database.MarkHeld(customerId);
            await reader.NextResultAsync(ct);
        }

        var facts = None;
        if (cnameAtTarget)
        {
            facts = facts with { CnameAtTarget = await reader.ReadAsync(ct) ? reader.GetString(0) : null };
            await reader.NextResultAsync(ct);
        }

        if (pointerAtName)
        {
            facts = facts with
            {
                PointerAtName = await reader.ReadAsync(ct) ? new CustomerAliasGraph.Pointer(reader.GetString(0), reader.GetString(1)) : null,
            };
            await reader.NextResultAsync(ct);
        }

        if (chain)
        {
            var ahead = new List<CustomerAliasGraph.ChainStep>();
            while (await reader.ReadAsync(ct))
            {
                ahead.Add(new CustomerAliasGraph.ChainStep(reader.GetString(0), reader.GetInt32(1)));
            }

            await reader.NextResultAsync(ct);
            var behind = await ScalarAsync<int>(reader, ct);
            await reader.NextResultAsync(ct);
            facts = facts with { Ahead = ahead, LongestRunIntoName = behind, TargetIsAlias = await ScalarAsync<bool>(reader, ct) };
            await reader.NextResultAsync(ct);
        }

        if (empty)
        {
            facts = facts with { TargetInZoneButEmpty = await ScalarAsync<bool>(reader, ct) };
        }

        return facts;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataReader reader, CancellationToken ct)
        where T : struct =>
        await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
}
