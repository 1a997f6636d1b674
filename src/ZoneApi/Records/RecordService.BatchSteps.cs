using Microsoft.EntityFrameworkCore;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// Where a batch's operations differ from single writes, which call these with no <see cref="DeferredChecks"/>:
/// the quota is counted once, a save needs no savepoint, and nothing stays tracked between operations.
/// </summary>
public sealed partial class RecordService
{
    /// <summary>Saves; in a batch, a refusal here (a constraint fired) means the transaction is aborted (<see cref="DeferredChecks.TransactionAborted"/>).</summary>
    private async Task<RecordResult?> SaveAsync(DeferredChecks? deferred, CancellationToken ct)
    {
        var failed = await SaveAsync(ct);
        if (failed is not null && deferred is not null)
        {
            deferred.TransactionAborted = true;
        }

        return failed;
    }

    /// <summary>The records-per-zone quota (CONTRACT A7): a batch keeps its own count instead of counting the zone for every value.</summary>
    /// A single write reads the zone's count in its lock's round trip (<paramref name="read"/>) when it can.
    private async Task<string?> RecordsFullAsync(Zone zone, LockedZone? read, DeferredChecks? deferred, CancellationToken ct) =>
        deferred is not null ? deferred.Room.Take()
        : read is not null ? quotas.RecordsFull(read.RecordCount)
        : await quotas.RecordsFullAsync(zone.Id, ct);

    /// <summary>
    /// Each operation reads what it needs afresh, so nothing is kept tracked between operations: the change tracker
    /// stays small over 1000 operations, and a refused operation leaves nothing behind for the next save.
    /// </summary>
    private void ForgetRecords()
    {
        foreach (var entry in db.ChangeTracker.Entries<DnsRecord>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
