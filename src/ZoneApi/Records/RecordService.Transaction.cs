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
        RetryOnRollback.RunAsync(db, () => InLockedZoneOnceAsync(customerId, zoneId, work, ct), ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the zone's row lock: writes to one zone happen one
    /// at a time, so the rules they check cannot change under them. A refusal rolls everything back.
    /// </summary>
    private async Task<RecordResult> InLockedZoneOnceAsync(Guid customerId, Guid zoneId, Func<Zone, Task<RecordResult>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var zone = await db.Zones
            .FromSql($"SELECT * FROM zones WHERE id = {zoneId} AND customer_id = {customerId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (zone is null)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        var result = await work(zone);
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
