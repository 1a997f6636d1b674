using Npgsql;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>
/// Reads the tables themselves, not the API, after a race: every way the stored rows break a rule that no
/// interleaving of requests may break (CONTRACT A4, A7), one line per violation, whatever zone or customer.
/// </summary>
public static class StoredRuleViolations
{
    private static readonly (string Rule, string Sql, Quota Quota)[] Checks =
    [
        ("a CNAME shares its name (RFC 1034 §3.6.2)", """
            SELECT z.name || ': ' || r.name || ' holds ' || string_agg(r.type, ', ' ORDER BY r.type)
            FROM records r JOIN zones z ON z.id = r.zone_id
            GROUP BY z.name, r.name HAVING bool_or(r.type = 'CNAME') AND count(*) > 1
            """, Quota.None),
        ("an ALIAS beside A/AAAA, or two ALIASes", """
            SELECT z.name || ': ' || r.name || ' holds ' || string_agg(r.type, ', ' ORDER BY r.type)
            FROM records r JOIN zones z ON z.id = r.zone_id
            GROUP BY z.name, r.name
            HAVING count(*) FILTER (WHERE r.type = 'ALIAS') > 1
                OR (bool_or(r.type = 'ALIAS') AND bool_or(r.type IN ('A', 'AAAA')))
            """, Quota.None),
        ("an MX/NS/SRV targets a CNAME of the same customer (RFC 2181 §10.3)", """
            SELECT r.type || ' ' || r.name || ' -> ' || r.target
            FROM records r
            JOIN zones zr ON zr.id = r.zone_id
            JOIN records c ON c.name = r.target AND c.type = 'CNAME'
            JOIN zones zc ON zc.id = c.zone_id AND zc.customer_id = zr.customer_id
            WHERE r.type IN ('MX', 'NS', 'SRV')
            """, Quota.None),
        ("a CNAME/ALIAS loop, or a chain over 8 hops, in one customer's zones", """
            WITH RECURSIVE edge AS (
                SELECT z.customer_id, r.name, r.target
                FROM records r JOIN zones z ON z.id = r.zone_id
                WHERE r.type IN ('CNAME', 'ALIAS')
            ), walk AS (
                SELECT customer_id, name AS start, target AS at, 1 AS hops FROM edge
                UNION ALL
                SELECT w.customer_id, w.start, e.target, w.hops + 1
                FROM walk w JOIN edge e ON e.customer_id = w.customer_id AND e.name = w.at
                WHERE w.hops <= 9
            )
            SELECT DISTINCT 'chain from ' || start || (CASE WHEN at = start THEN ' loops' ELSE ' is longer than 8 hops' END)
            FROM walk WHERE at = start OR hops > 8
            """, Quota.None),
        ("a customer holds more zones than its quota", """
            SELECT customer_id::text || ' holds ' || count(*) || ' zones' FROM zones
            GROUP BY customer_id HAVING $1 > 0 AND count(*) > $1
            """, Quota.Zones),
        ("a zone holds more records than its quota", """
            SELECT z.name || ' holds ' || count(*) || ' records' FROM records r JOIN zones z ON z.id = r.zone_id
            GROUP BY z.name HAVING $1 > 0 AND count(*) > $1
            """, Quota.Records),
        ("a zone name is held twice, or inside another customer's zone", """
            SELECT inner_zone.name || ' lies in ' || outer_zone.name || ', held by another customer'
            FROM zones inner_zone JOIN zones outer_zone
              ON inner_zone.name LIKE '%.' || outer_zone.name AND inner_zone.customer_id <> outer_zone.customer_id
            """, Quota.None),
    ];

    /// <summary>Every violation in the database; quotas of 0 are unlimited, as in the API's settings.</summary>
    public static async Task<List<string>> FindAsync(string connectionString, int zonesPerCustomer = 0, int recordsPerZone = 0)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var violations = new List<string>();
        foreach (var (rule, sql, quota) in Checks)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (quota != Quota.None)
            {
                command.Parameters.AddWithValue((long)(quota == Quota.Zones ? zonesPerCustomer : recordsPerZone));
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                violations.Add($"{rule}: {reader.GetString(0)}");
            }
        }

        return violations;
    }

    private enum Quota
    {
        None,
        Zones,
        Records,
    }
}
