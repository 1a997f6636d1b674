using Npgsql;

namespace ZoneApi.Data;

/// <summary>
/// Applies the numbered SQL files of migrations/ (embedded in this assembly) in name order, each in its own
/// transaction, and records them in schema_migrations. A session-level advisory lock makes concurrent
/// starts of several API instances take turns instead of racing on the same DDL.
/// </summary>
public sealed class SqlMigrator(NpgsqlDataSource dataSource, ILogger<SqlMigrator> logger)
{
    // Any fixed 64-bit number; it only has to be the same for every instance of ZoneApi.
    private const long AdvisoryLockKey = 0x5A6F6E6541706931;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Requests have short lock and statement timeouts; a migration may rightly take longer (an index on a big
        // table), and another instance may hold the migration lock while it migrates. The pool resets these on return.
        await ExecuteAsync(connection, "SET statement_timeout = 0; SET lock_timeout = 0", ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name        text PRIMARY KEY,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, ct);
            var applied = await AppliedAsync(connection, ct);
            var newlyApplied = new List<string>();
            foreach (var (name, sql) in EmbeddedMigrations())
            {
                if (applied.Contains(name))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, sql, ct);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES ($1)", connection))
                {
                    record.Parameters.AddWithValue(name);
                    await record.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", name);
                newlyApplied.Add(name);
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    internal static IEnumerable<(string Name, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(SqlMigrator).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!; // listed by the assembly itself
            using var reader = new StreamReader(stream);
            yield return (resource["migrations/".Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // No client-side command timeout either, for the same reason as statement_timeout = 0 above.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
