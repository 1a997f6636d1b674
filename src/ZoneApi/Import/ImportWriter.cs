using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ZoneApi.Data;

namespace ZoneApi.Import;

/// <summary>
/// Writes a plan set-based: one DELETE ... WHERE id = ANY, one UPDATE ... FROM unnest, one INSERT ... SELECT FROM unnest,
/// whatever the number of records, inside the caller's transaction. Any "apply many changes to one zone" path (a batch)
/// can write through it too.
/// </summary>
public static class ImportWriter
{
    public static async Task WriteAsync(ZoneDbContext db, Guid zoneId, ImportPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);

        // Removals first: a CNAME replaced by another at the same name would otherwise meet it in records_one_cname_per_name.
        if (plan.Removed.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM records WHERE zone_id = @zone AND id = ANY (@ids)",
                [Zone(zoneId), Array("ids", plan.Removed.Select(r => r.Id))], ct);
        }

        if (plan.Changed.Count > 0)
        {
            var after = plan.Changed.Select(c => c.After).ToList();
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE records r SET ttl = u.ttl, disabled = u.disabled, comment = u.comment, updated_at = @now
                FROM unnest(@ids, @ttls, @disabled, @comments) AS u(id, ttl, disabled, comment)
                WHERE r.zone_id = @zone AND r.id = u.id COLLATE "C"
                """,
                [Zone(zoneId), Now(now), Array("ids", after.Select(r => r.Id)), Array("ttls", after.Select(r => r.Ttl)),
                 Array("disabled", after.Select(r => r.Disabled)), Array("comments", after.Select(r => r.Comment))], ct);
        }

        if (plan.Added.Count > 0)
        {
            // In index order: each B-tree and GiST insert then lands next to the previous one, in pages already in memory.
            var added = plan.Added.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ToList();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO records (zone_id, id, name, type, content, priority, target, ttl, disabled, comment, protected, created_at, updated_at)
                SELECT @zone, a.id, a.name, a.type, a.content, a.priority, a.target, a.ttl, false, a.comment, false, @now, @now
                FROM unnest(@ids, @names, @types, @contents, @priorities, @targets, @ttls, @comments)
                    AS a(id, name, type, content, priority, target, ttl, comment)
                """,
                [Zone(zoneId), Now(now), Array("ids", added.Select(r => r.Id)), Array("names", added.Select(r => r.Name)),
                 Array("types", added.Select(r => r.Type)), Array("contents", added.Select(r => r.Content)),
                 Array("priorities", added.Select(r => r.Priority)), Array("targets", added.Select(r => r.Target)),
                 Array("ttls", added.Select(r => r.Ttl)), Array("comments", added.Select(r => r.Comment))], ct);
        }
    }

    private static NpgsqlParameter Zone(Guid zoneId) => new("zone", NpgsqlDbType.Uuid) { Value = zoneId };

    private static NpgsqlParameter Now(DateTimeOffset now) => new("now", NpgsqlDbType.TimestampTz) { Value = now };

    private static NpgsqlParameter Array(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Array(string name, IEnumerable<int?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    private static NpgsqlParameter Array(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    private static NpgsqlParameter Array(string name, IEnumerable<bool> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = values.ToArray() };
}
