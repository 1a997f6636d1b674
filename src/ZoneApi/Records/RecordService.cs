using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Limits;
using ZoneApi.Quotas;
using ZoneApi.Records.Batch;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>
/// Record writes. Each reads and validates its request first, without a lock (CONTRACT A4), then runs in one
/// transaction: lock the zone row (SELECT ... FOR UPDATE), check the stored-state rules, write, raise the SOA
/// serial, commit; a refusal rolls all of it back.
/// </summary>
public sealed partial class RecordService(
    ZoneDbContext db, RecordRules rules, RecordWriteValidator validator, ZoneNameCache zoneNames, CustomerQuotas quotas,
    IOptions<DatabaseLimits> limits, TimeProvider time)
{
    public async Task<RecordResult> CreateAsync(Guid customerId, Guid zoneId, CreateRecordRequest request, CancellationToken ct)
    {
        if (await zoneNames.GetAsync(db, customerId, zoneId, ct) is not { } zoneName)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        var write = new RecordWrite(zoneName, request.Name, request.Type, request.Content, request.Ttl, request.Priority, request.Comment);
        if (!TryParse(write, out var input, out var invalid))
        {
            return new RecordResult.Refused(invalid);
        }

        return await InLockedZoneAsync(customerId, zoneId, (zoneName, input.Name),
            locked => WriteValueAsync(locked.Zone, input, request.Disabled, replacing: null, locked, deferred: null, ct), ct);
    }

    /// <summary>PUT by id: replaces one value; name and type stay, content may change (and with it the id).</summary>
    public async Task<RecordResult> UpdateAsync(Guid customerId, Guid zoneId, string recordId, CreateRecordRequest request, CancellationToken ct)
    {
        // An id that no record can have is not looked for: the answer is the same 404, without the database.
        if (!RecordId.IsWellFormed(recordId))
        {
            return RecordErrors.RecordNotFound(recordId);
        }

        if (await zoneNames.GetAsync(db, customerId, zoneId, ct) is not { } zoneName)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        var write = new RecordWrite(zoneName, request.Name, request.Type, request.Content, request.Ttl, request.Priority, request.Comment);
        if (!TryParse(write, out var input, out var invalid))
        {
            return new RecordResult.Refused(invalid);
        }

        return await InLockedZoneAsync(customerId, zoneId, zone => UpdateValueAsync(zone, recordId, input, request.Disabled, deferred: null, ct), ct);
    }

    /// <summary>PUT by name and type; <paramref name="oldContent"/> picks one value of a multi-value RRset.</summary>
    public async Task<RecordResult> UpdateByNameAsync(
        Guid customerId, Guid zoneId, string recordName, string recordType, string? oldContent, UpdateRecordByNameRequest request, CancellationToken ct)
    {
        if (await zoneNames.GetAsync(db, customerId, zoneId, ct) is not { } zoneName)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        if (!TryParseSelection(zoneName, recordName, recordType, oldContent, out var selection, out var badRoute))
        {
            return new RecordResult.Refused(badRoute);
        }

        var write = new RecordWrite(zoneName, selection.Name, selection.Type, request.Content, request.Ttl, request.Priority, request.Comment);
        if (!TryParse(write, out var input, out var invalid))
        {
            return new RecordResult.Refused(invalid);
        }

        return await InLockedZoneAsync(customerId, zoneId, async zone =>
        {
            var (records, error) = await SelectAsync(zone, selection, wholeRRsetAllowed: false, ct);
            if (error is not null)
            {
                return new RecordResult.Refused(error);
            }

            var old = records.Single();
            return old.Protected ? RecordErrors.Protected(old) : await WriteValueAsync(zone, input, request.Disabled, old, read: null, deferred: null, ct);
        }, ct);
    }

    public Task<RecordResult> DeleteAsync(Guid customerId, Guid zoneId, string recordId, CancellationToken ct) =>
        !RecordId.IsWellFormed(recordId) ? Task.FromResult<RecordResult>(RecordErrors.RecordNotFound(recordId)) :
        InLockedZoneAsync(customerId, zoneId, async zone =>
            await FindAsync(zone, recordId, ct) is { } record ? await DeleteRecordsAsync(zone, [record], deferred: null, ct) : RecordErrors.RecordNotFound(recordId), ct);

    /// <summary>DELETE by name and type: the whole RRset, or the one value <paramref name="content"/> names.</summary>
    public async Task<RecordResult> DeleteByNameAsync(
        Guid customerId, Guid zoneId, string recordName, string recordType, string? content, CancellationToken ct)
    {
        if (await zoneNames.GetAsync(db, customerId, zoneId, ct) is not { } zoneName)
        {
            return new RecordResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        if (!TryParseSelection(zoneName, recordName, recordType, content, out var selection, out var badRoute))
        {
            return new RecordResult.Refused(badRoute);
        }

        return await InLockedZoneAsync(customerId, zoneId, async zone =>
        {
            var (records, error) = await SelectAsync(zone, selection, wholeRRsetAllowed: true, ct);
            return error is not null ? new RecordResult.Refused(error) : await DeleteRecordsAsync(zone, records, deferred: null, ct);
        }, ct);
    }

    /// <summary>The locked part of a PUT by id (and of a batch's update): the value must exist, be the customer's, and keep its name and type.</summary>
    private async Task<RecordResult> UpdateValueAsync(
        Zone zone, string recordId, RecordInput input, bool? disabled, DeferredChecks? deferred, CancellationToken ct)
    {
        if (await FindAsync(zone, recordId, ct) is not { } old)
        {
            return RecordErrors.RecordNotFound(recordId);
        }

        if (old.Protected)
        {
            return RecordErrors.Protected(old);
        }

        var moved = new List<ErrorDetail>();
        if (input.Name != old.Name)
        {
            moved.Add(new ErrorDetail("name", $"must be {old.Name}, the name of record {old.Id}"));
        }

        if (input.Type != old.Type)
        {
            moved.Add(new ErrorDetail("type", $"must be {old.Type}, the type of record {old.Id}"));
        }

        return moved.Count > 0
            ? RecordResult.Refuse(ErrorCodes.ValidationError,
                "A record's name and type cannot change; delete it and create the new one instead.", moved)
            : await WriteValueAsync(zone, input, disabled, old, read: null, deferred, ct);
    }

    /// <summary>
    /// Writes one value. A value that exists already is updated in place (an idempotent create); a CNAME or
    /// ALIAS replaces the one at its name; <paramref name="replacing"/> is the old value of an update.
    /// <paramref name="read"/> holds what the zone lock's round trip read for the name (null: read it here). In a batch,
    /// <paramref name="deferred"/> takes the serial bump and the servable-zone checks, which run once at its end.
    /// </summary>
    private async Task<RecordResult> WriteValueAsync(
        Zone zone, RecordInput input, bool? disabled, DnsRecord? replacing, LockedZone? read, DeferredChecks? deferred, CancellationToken ct)
    {
        var atName = read?.AtName.ToList() ?? await db.Records.Where(r => r.ZoneId == zone.Id && r.Name == input.Name).ToListAsync(ct);
        var existing = atName.FirstOrDefault(r => r.Id == input.Id);
        if (replacing is not null && existing is not null && existing.Id != replacing.Id)
        {
            return RecordResult.Refuse(ErrorCodes.RecordConflict,
                $"{input.Name} already has the {input.Type} value {input.Content} (record {existing.Id}); delete this one instead of changing it into that.");
        }

        // What this write removes: the old value of an update, and the CNAME or ALIAS at the name (a name holds one).
        var replaced = atName.Where(r => r.Id != input.Id
            && (r.Id == replacing?.Id || (r.Type == input.Type && RecordTypes.IsAliasLike(input.Type)))).ToList();
        var rrset = atName.Where(r => r.Type == input.Type && !replaced.Contains(r)).ToList();
        // The server's own records never change: not replaced, not re-timed, not disabled.
        var untouchable = replaced.Where(r => r.Protected)
            .Concat(rrset.Where(r => r.Protected && r.Ttl != input.Ttl))
            .Concat(existing is { Protected: true } && existing.Disabled != (disabled ?? false) ? [existing] : [])
            .FirstOrDefault();
        if (untouchable is not null)
        {
            return RecordErrors.Protected(untouchable);
        }

        // Only a write that adds a value counts against the quota: an upsert, an update or a replacement keeps the count.
        if (existing is null && replaced.Count == 0 && await RecordsFullAsync(zone, read, deferred, ct) is { } full)
        {
            return RecordResult.Refuse(ErrorCodes.QuotaExceeded, full);
        }

        var warnings = (IReadOnlyList<Warning>)[];
        if (existing is null)
        {
            // CheckAsync takes the customer's alias-graph lock where the type needs it, in the round trip of its reads
            // (not again when the transaction holds it already, as a batch's does).
            var (violation, found) = await rules.CheckAsync(zone, input, atName.Except(replaced).ToList(), ct);
            if (violation is not null)
            {
                return new RecordResult.Refused(violation);
            }

            warnings = found;
        }

        var now = time.GetUtcNow();
        var record = existing ?? new DnsRecord
        {
            ZoneId = zone.Id,
            Id = input.Id,
            Name = input.Name,
            Type = input.Type,
            Content = input.Content,
            Priority = input.Priority,
            Target = input.Target,
            CreatedAt = now,
            UpdatedAt = now,
            // No comment sent keeps the one there is: the RRset's, or the replaced value's (CONTRACT B9.3, B9.5).
            Comment = replacing?.Comment ?? rrset.FirstOrDefault(r => !r.Protected && r.Comment is not null)?.Comment,
        };
        if (existing is null)
        {
            db.Records.Add(record);
            rrset.Add(record);
        }

        db.Records.RemoveRange(replaced);
        record.Disabled = disabled ?? false;
        foreach (var value in rrset)
        {
            // RFC 2181 §5.2: every value of an RRset has the same TTL. The comment is the RRset's too, but the
            // server's own records keep theirs.
            value.Ttl = input.Ttl;
            if (input.Comment is not null && !value.Protected)
            {
                value.Comment = input.Comment.Length == 0 ? null : input.Comment;
            }
        }

        // An idempotent create that changes nothing leaves the serial alone: secondaries have nothing to fetch.
        var modified = db.ChangeTracker.Entries<DnsRecord>().Where(e => e.State == EntityState.Modified).ToList();
        if (existing is null || replaced.Count > 0 || modified.Count > 0)
        {
            foreach (var entry in modified)
            {
                entry.Entity.UpdatedAt = now;
            }

            RaiseSerial(zone, now, deferred);
        }

        if (await SaveAsync(deferred, ct) is { } failed)
        {
            return failed;
        }

        if (deferred is not null)
        {
            deferred.Wrote(record);
            return new RecordResult.Written(record, warnings);
        }

        // The cuts read before the write still hold, but for the written value, unless the write removed an NS record.
        var cutsBefore = replaced.Any(r => r.Type == RecordTypes.Ns) ? null : read?.CutsBefore;
        return await rules.CheckWrittenAsync(zone, record, cutsBefore, ct) is { } unservable
            ? new RecordResult.Refused(unservable)
            : new RecordResult.Written(record, warnings);
    }

    private async Task<RecordResult> DeleteRecordsAsync(Zone zone, IReadOnlyList<DnsRecord> records, DeferredChecks? deferred, CancellationToken ct)
    {
        if (records.FirstOrDefault(r => r.Protected) is { } mine)
        {
            return RecordErrors.Protected(mine);
        }

        db.Records.RemoveRange(records);
        RaiseSerial(zone, time.GetUtcNow(), deferred);
        if (await SaveAsync(deferred, ct) is { } failed)
        {
            return failed;
        }

        if (deferred is not null)
        {
            deferred.Removed(records);
            return new RecordResult.Deleted();
        }

        return await rules.CheckDeletedAsync(zone, records, ct) is { } unservable ? new RecordResult.Refused(unservable) : new RecordResult.Deleted();
    }

    /// <summary>
    /// Every change raises the SOA serial in the same transaction, so secondaries see it (RFC 1996, RFC 1982). Only the
    /// zone row changes here, saved with the write; its trigger writes the serial into the SOA row (migrations/0014).
    /// A batch (<paramref name="deferred"/>) only notes the change here and raises the serial once, at its end.
    /// </summary>
    private static void RaiseSerial(Zone zone, DateTimeOffset now, DeferredChecks? deferred)
    {
        if (deferred is not null)
        {
            deferred.Changed = true;
            return;
        }

        zone.Serial = SoaSerial.Next(zone.Serial, DateOnly.FromDateTime(now.UtcDateTime));
    }

    /// <summary>Saves; a database constraint that still fires (the checks above should have caught it) is a refusal, not a 500.</summary>
    private async Task<RecordResult?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation } pg)
        {
            return pg.ConstraintName switch
            {
                "records_alias_apart_from_addresses" or "records_one_alias_per_name" =>
                    RecordResult.Refuse(ErrorCodes.AliasConflict, "An ALIAS cannot share its name with A or AAAA records, or with another ALIAS."),
                "records_pkey" => RecordResult.Refuse(ErrorCodes.RecordConflict, "That value exists already at this name and type."),
                _ => RecordResult.Refuse(ErrorCodes.CnameConflict, "A CNAME must be the only record at its name (RFC 1034 §3.6.2)."),
            };
        }
    }
}
