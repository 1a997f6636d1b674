using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Limits;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// Batches (CONTRACT A8): many operations in one transaction under the zone's row lock, each checked as the single
/// routes check it, against the state the operations before it built; the servable-zone rules once at the end, on
/// the state the whole batch leaves; one SOA serial bump; all of it, or nothing.
/// </summary>
public sealed partial class RecordService
{
    public const int MaxBatchOperations = 1000;

    /// <summary>
    /// Applies <paramref name="operations"/> in order to the customer's zone, all or nothing. A refused operation does
    /// not stop the others: each later one is checked against the state without the refused ones, so the answer
    /// lists every refusal, and then nothing is written. With <paramref name="commit"/> false everything is rolled
    /// back even when every operation passes (a dry run). This is the entry point for code that is not the batch route.
    /// </summary>
    public Task<BatchOutcome> ApplyBatchAsync(
        Guid customerId, Guid zoneId, IReadOnlyList<BatchOperation> operations, bool commit, CancellationToken ct) =>
        RetryOnRollback.RunAsync(db, () => ApplyBatchOnceAsync(customerId, zoneId, operations, commit, ct), ct);

    private async Task<BatchOutcome> ApplyBatchOnceAsync(
        Guid customerId, Guid zoneId, IReadOnlyList<BatchOperation> operations, bool commit, CancellationToken ct)
    {
        // EF wraps each save in a user transaction in a savepoint: two more round trips per operation. The rules refuse
        // before anything is saved, so a batch saves without them; a constraint that still fires ends the batch.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await ApplyBatchInTransactionAsync(customerId, zoneId, operations, commit, ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    private async Task<BatchOutcome> ApplyBatchInTransactionAsync(
        Guid customerId, Guid zoneId, IReadOnlyList<BatchOperation> operations, bool commit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Up to 1000 operations: the whole-zone statement bound, not a single write's (ZoneApi:WholeZoneTimeoutSeconds).
        await db.Database.ApplyAsync(limits.Value, ct);
        var zone = await db.Zones
            .FromSql($"SELECT * FROM zones WHERE id = {zoneId} AND customer_id = {customerId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (zone is null)
        {
            return new BatchOutcome.Failed(RecordErrors.ZoneNotFound(zoneId));
        }

        // Taken once, after the zone lock like every write (RecordRules.NeedsAliasGraphLock), not once per operation.
        var aliasGraph = operations.Any(o => o.NeedsAliasGraphLock);
        if (aliasGraph)
        {
            await rules.TakeAliasGraphLockAsync(zone.CustomerId, ct);
        }

        var (room, full) = await quotas.RecordRoomAsync(zone.Id, ct);
        var deferred = new DeferredChecks { AliasGraphLocked = aliasGraph, Room = new RecordRoom(room, full) };
        var steps = new BatchStep[operations.Count];
        var refusals = new List<OperationRefusal>();
        for (var i = 0; i < operations.Count; i++)
        {
            deferred.Operation = i;
            var result = await ApplyOneAsync(zone, operations[i], deferred, ct);
            deferred.Room.Settle(result);
            ForgetRecords();
            switch (result)
            {
                case RecordResult.Written(var record, var warnings):
                    steps[i] = new BatchStep(operations[i].Action, record, warnings);
                    break;
                case RecordResult.Deleted when deferred.LastRemoved is { } removed:
                    steps[i] = new BatchStep(operations[i].Action, removed, []);
                    break;
                case RecordResult.Refused(var error):
                    refusals.Add(new OperationRefusal(i, error));
                    break;
            }

            if (deferred.TransactionAborted)
            {
                break;
            }
        }

        if (!deferred.TransactionAborted)
        {
            refusals.AddRange(await CheckFinalStateAsync(zone, deferred, ct));
        }

        if (refusals.Count > 0 || !commit)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return refusals.Count > 0 ? new BatchOutcome.Refused([.. refusals.OrderBy(r => r.Operation)]) : new BatchOutcome.Applied(steps);
        }

        if (deferred.Changed)
        {
            RaiseSerial(zone, time.GetUtcNow(), deferred: null);
            await db.SaveChangesAsync(ct);
        }

        var applied = await WithCurrentWarningsAsync(zone, steps, ct);
        await transaction.CommitAsync(ct);
        return new BatchOutcome.Applied(applied);
    }

    /// <summary>
    /// A warning that a later operation of the batch made untrue (a CNAME to a name the batch then fills, CONTRACT A4)
    /// is dropped: warnings describe the zone the batch leaves, as a single write's describe the zone it leaves.
    /// </summary>
    private async Task<IReadOnlyList<BatchStep>> WithCurrentWarningsAsync(Zone zone, BatchStep[] steps, CancellationToken ct)
    {
        var graph = new CustomerAliasGraph(db, zone.CustomerId);
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is not { Record.Target: { } target, Warnings.Count: > 0 } step)
            {
                continue;
            }

            var current = new List<Http.Warning>();
            foreach (var warning in step.Warnings)
            {
                var holds = warning.Code switch
                {
                    Http.WarningCodes.CnameChain => await graph.IsAliasAsync(target, ct),
                    Http.WarningCodes.TargetDoesNotResolve => await graph.IsInZoneButEmptyAsync(target, ct),
                    _ => true,
                };
                if (holds)
                {
                    current.Add(warning);
                }
            }

            steps[i] = step with { Warnings = current };
        }

        return steps;
    }

    /// <summary>One operation, as its single route does it, with the serial bump and the servable-zone checks left to the end.</summary>
    private async Task<RecordResult> ApplyOneAsync(Zone zone, BatchOperation operation, DeferredChecks deferred, CancellationToken ct) =>
        operation switch
        {
            BatchOperation.Create(var input, var disabled) => await WriteValueAsync(zone, input, disabled, replacing: null, read: null, deferred, ct),
            // An id that no record can have is not looked for, as on the single routes.
            BatchOperation.Update(var id, _, _) when !RecordId.IsWellFormed(id) => RecordErrors.RecordNotFound(id),
            BatchOperation.Update(var id, var input, var disabled) => await UpdateValueAsync(zone, id, input, disabled, deferred, ct),
            BatchOperation.Delete(var id) => RecordId.IsWellFormed(id) && await FindAsync(zone, id, ct) is { } record
                ? await DeleteRecordsAsync(zone, [record], deferred, ct)
                : RecordErrors.RecordNotFound(id),
            _ => throw new InvalidOperationException($"Unknown batch operation {operation.GetType().Name}."),
        };

    /// <summary>
    /// The servable-zone rules (RecordRules.CheckWrittenAsync, CheckDeletedAsync) once per value the batch touched,
    /// on the state it leaves: a value written and later deleted again is not checked as written, and one deleted
    /// and written again is not checked as deleted. A refusal goes to the operation that last wrote or deleted it.
    /// </summary>
    private async Task<List<OperationRefusal>> CheckFinalStateAsync(Zone zone, DeferredChecks deferred, CancellationToken ct)
    {
        var refusals = new List<OperationRefusal>();
        var ids = deferred.TouchedIds;
        if (ids.Count == 0)
        {
            return refusals;
        }

        var stored = await db.Records.AsNoTracking().Where(r => r.ZoneId == zone.Id && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var cuts = await ZoneCutNames.LoadAsync(db, zone, ct);
        foreach (var (operation, id) in deferred.Written)
        {
            if (stored.TryGetValue(id, out var record)
                && await rules.CheckWrittenAsync(zone, record, cuts.IsAtOrBelowCut(record.Name, zone), ct) is { } unservable)
            {
                refusals.Add(new OperationRefusal(operation, unservable));
            }
        }

        foreach (var (operation, record) in deferred.Deleted)
        {
            if (!stored.ContainsKey(record.Id) && await rules.CheckDeletedAsync(zone, [record], ct) is { } unservable)
            {
                refusals.Add(new OperationRefusal(operation, unservable));
            }
        }

        return refusals;
    }
}
