using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Records.Servable;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// The first round trip of a record write, inside its transaction: the zone's row lock (SELECT ... FOR UPDATE), the
/// values stored at the written name, which the per-name rules (<see cref="RecordRules"/>) and the write itself work
/// on, and the highest zone cut above the name (for <see cref="ServableZoneRules"/>' occlusion rule), as one batch. The statements run in order, so the second reads the name after the lock is held, with a
/// snapshot that holds every write committed before it. Both are tracked by EF, as if EF had loaded them, so the
/// write saves as before. The records are read only when the zone is the customer's.
/// </summary>
internal static class LockedZoneRead
{
    private const string ZoneSql = """
        SELECT id, customer_id, name, type, region, status, serial, created_at, updated_at, record_count
        FROM zones WHERE id = $1 AND customer_id = $2
        FOR UPDATE
        """;

    private const string RecordsSql = """
        SELECT zone_id, id, name, type, content, priority, target, ttl, disabled, comment, protected, created_at, updated_at
        FROM records
        WHERE zone_id = $1 AND name = $3 AND EXISTS (SELECT 1 FROM zones WHERE id = $1 AND customer_id = $2)
        """;

    /// <summary>Null when the zone is not the customer's (or no longer exists).</summary>
    public static async Task<LockedZone?> LockAsync(
        ZoneDbContext db, Guid customerId, Guid zoneId, string zoneName, string name, CancellationToken ct)
    {
        var branch = OwnerNameTree.BelowApex(name, zoneName + ".").ToArray();
        await using var batch = db.Database.CreateBatch();
        batch.Add(ZoneSql, zoneId, customerId);
        batch.Add(RecordsSql, zoneId, customerId, name);
        if (branch.Length > 0)
        {
            batch.Add(ZoneCuts.HighestAboveSql, customerId, zoneId, branch);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var zone = await reader.ReadAsync(ct) ? ReadZone(reader) : null;
        var recordCount = zone is null ? 0 : reader.GetInt32(9);
        await reader.NextResultAsync(ct);
        var atName = new List<DnsRecord>();
        while (await reader.ReadAsync(ct))
        {
            atName.Add(ReadRecord(reader));
        }

        // No cut can lie above the apex itself.
        var cuts = new CutsRead(null);
        if (branch.Length > 0)
        {
            await reader.NextResultAsync(ct);
            cuts = new CutsRead(await ZoneCuts.ReadHighestAboveAsync(reader, ct));
        }

        if (zone is null)
        {
            return null;
        }

        db.Zones.Attach(zone);
        db.Entry(zone).Property<int>(ZoneConfiguration.RecordCount).OriginalValue = recordCount;
        db.Records.AttachRange(atName);
        return new LockedZone(zone, atName, cuts, recordCount);
    }

    private static Zone ReadZone(NpgsqlDataReader row) => new()
    {
        Id = row.GetGuid(0),
        CustomerId = row.GetGuid(1),
        Name = row.GetString(2),
        Type = row.GetString(3),
        Region = row.GetString(4),
        Status = row.GetString(5),
        Serial = row.GetInt64(6),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(7),
        UpdatedAt = row.GetFieldValue<DateTimeOffset>(8),
    };

    private static DnsRecord ReadRecord(NpgsqlDataReader row) => new()
    {
        ZoneId = row.GetGuid(0),
        Id = row.GetString(1),
        Name = row.GetString(2),
        Type = row.GetString(3),
        Content = row.GetString(4),
        Priority = row.IsDBNull(5) ? null : row.GetInt32(5),
        Target = row.IsDBNull(6) ? null : row.GetString(6),
        Ttl = row.GetInt32(7),
        Disabled = row.GetBoolean(8),
        Comment = row.IsDBNull(9) ? null : row.GetString(9),
        Protected = row.GetBoolean(10),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(11),
        UpdatedAt = row.GetFieldValue<DateTimeOffset>(12),
    };
}

/// <summary>
/// A zone locked for a write, with what its first round trip read (nothing but the zone, when it read no name), and
/// its record count (migrations/0013) as of the lock, for the records-per-zone quota.
/// </summary>
internal sealed record LockedZone(Zone Zone, IReadOnlyList<DnsRecord> AtName, CutsRead? CutsBefore, int RecordCount);
