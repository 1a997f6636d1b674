using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Zones;

namespace ZoneApi.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// <see cref="InLockedZoneOnceAsync"/>, run a second time when the first run's transaction was rolled back by
    /// a deadlock, serialization failure or terminated session (<see cref="RetryOnRollback"/>).
    /// </summary>
    private Task<RecordResult> InLockedZoneAsync(Guid customerId, Guid zoneId, Func<Zone, Task<RecordResult>> work, CancellationToken ct) =>
        RetryOnRollback.RunAsync(db, () => InLockedZoneOnceAsync(customerId, zoneId, null, locked => work(locked.Zone), ct), ct);

    /// <summary>
    /// The same, with what a write at <paramref name="at"/> (zone name, owner name) needs read in the lock's round trip
    /// (<see cref="LockedZoneRead"/>) and handed to <paramref name="work"/>.
    /// </summary>
    private Task<RecordResult> InLockedZoneAsync(
        Guid customerId, Guid zoneId, (string ZoneName, string Name) at, Func<LockedZone, Task<RecordResult>> work, CancellationToken ct) =>
        RetryOnRollback.RunAsync(db, () => InLockedZoneOnceAsync(customerId, zoneId, at, work, ct), ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the zone's row lock: writes to one zone happen one
    /// at a time, so the rules they check cannot change under them. A refusal rolls everything back.
    /// </summary>
    private async Task<RecordResult> InLockedZoneOnceAsync(
        Guid customerId, Guid zoneId, (string ZoneName, string Name)? at, Func<LockedZone, Task<RecordResult>> work, CancellationToken ct)
    {
        // A refused or failed write rolls the whole transaction back, never to a savepoint, so EF's savepoint around
        // each SaveChanges would be two more round trips under the lock for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = at is var (zoneName, name)
            ? await LockedZoneRead.LockAsync(db, customerId, zoneId, zoneName, name, ct)
            : await db.Zones
                .FromSql($"SELECT * FROM zones WHERE id = {zoneId} AND customer_id = {customerId} FOR UPDATE")
                .SingleOrDefaultAsync(ct) is { } zone
                ? new LockedZone(zone, [], CutsBefore: null, db.Entry(zone).Property<int>(ZoneConfiguration.RecordCount).CurrentValue)
                : null;
        if (locked is null)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        var result = await work(locked);
        if (result is RecordResult.Refused)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }

        await transaction.CommitAsync(ct);
        return result;
    }
}
