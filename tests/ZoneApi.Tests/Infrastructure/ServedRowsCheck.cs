using Npgsql;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// What PowerDNS reads (pdns.records, a table the triggers of migrations 0011, 0012 and 0015 keep in every write's
/// transaction) must be what the stored records say, derived here from scratch with none of those triggers' state:
/// every enabled value of an active zone in PowerDNS's form, and a row of type NULL at every name strictly between a
/// served value and its zone's apex that holds no served value itself (an empty non-terminal, RFC 8020). Checked for
/// each test app's whole database when it is disposed, so every write any test makes (creates, updates, deletes,
/// batches, imports, pauses, zone deletions, races) is checked. A difference fails the run, naming the rows.
/// </summary>
public static class ServedRowsCheck
{
    // Rows on one side and not the other, both ways, at most 20 of each.
    private const string DifferencesSql = """
        WITH served AS (
            SELECT z.pdns_id AS domain_id, left(r.name, -1) AS name, r.type, r.content, r.priority, r.ttl, z.name AS zone,
                   z.serial
            FROM records r JOIN zones z ON z.id = r.zone_id
            WHERE NOT r.disabled AND z.status = 'active'),
        derived AS (
            SELECT s.domain_id, s.name, s.type, zoneapi_pdns_content(s.type, s.content, s.serial) AS content, s.ttl,
                   CASE WHEN s.type IN ('MX', 'SRV') THEN s.priority END AS prio
            FROM served s
            UNION ALL
            (SELECT DISTINCT s.domain_id, a.name, NULL, NULL, NULL::integer, NULL::integer
             FROM served s CROSS JOIN LATERAL zoneapi_ancestor_names(s.name || '.', s.zone) AS a (name)
             EXCEPT
             SELECT s.domain_id, s.name, NULL, NULL, NULL, NULL FROM served s)),
        stored AS (
            SELECT p.domain_id, p.name, p.type, p.content, p.ttl, p.prio FROM pdns.records p WHERE NOT p.disabled AND p.auth)
        (SELECT 'missing from pdns.records' AS side, d.* FROM (SELECT * FROM derived EXCEPT ALL SELECT * FROM stored) d LIMIT 20)
        UNION ALL
        (SELECT 'not derived from records', s.* FROM (SELECT * FROM stored EXCEPT ALL SELECT * FROM derived) s LIMIT 20)
        """;

    /// <summary>One line per differing row, empty when pdns.records is exactly what the records say.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(string connectionString)
    {
        var differences = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(DifferencesSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(1, reader.FieldCount - 1).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString());
            differences.Add($"{reader.GetString(0)}: {string.Join(" | ", values)}");
        }

        return differences;
    }
}
