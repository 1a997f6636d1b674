using Npgsql;

namespace ZoneApi.Bench;

/// <summary>
/// Other zones on the same server, written straight into the tables: they are not under test, they only make
/// the records table look like a shared server's. With nothing but the two seeded zones, the large zone is
/// 99% of the table and PostgreSQL rightly reads the whole table for it, a plan no production server with
/// more than a handful of zones would choose.
/// </summary>
public static class BackgroundZones
{
    public const int Zones = 100;
    public const int RecordsPerZone = 500;

    /// <summary>Adds the zones next to <paramref name="likeZone"/> (same customer and settings), each with A records.</summary>
    public static async Task AddAsync(string connectionString, Guid likeZone, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO zones (id, customer_id, name, type, region, status, serial, created_at, updated_at)
                    SELECT gen_random_uuid(), customer_id, 'other-' || g || '.bench.example', type, region, status, serial, now(), now()
                    FROM zones, generate_series(1, $1) AS g WHERE id = $2
                    """)
                {
                    Parameters = { new() { Value = Zones }, new() { Value = likeZone } },
                },
                // Ids in the API's shape (base64url of a SHA-256, 43 characters); the content is all that matters here.
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO records (zone_id, id, name, type, content, ttl, created_at, updated_at)
                    SELECT z.id, translate(left(encode(sha256(convert_to(z.id::text || '/' || i, 'UTF8')), 'base64'), 43), '+/', '-_'),
                           'host-' || i || '.' || z.name || '.', 'A', '10.1.' || (i / 256) || '.' || (i % 256), 3600, now(), now()
                    FROM zones AS z, generate_series(1, $1) AS i WHERE z.name LIKE 'other-%.bench.example'
                    """)
                {
                    Parameters = { new() { Value = RecordsPerZone } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
    }
}
