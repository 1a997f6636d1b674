using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Limits;
using ZoneApi.Quotas;
using ZoneApi.Records;
using ZoneApi.Zones;

namespace ZoneApi.Import;

/// <summary>
/// POST /v1/zones/{zone_id}/import (CONTRACT A8). The file is read and every value checked as a POST checks it
/// (<see cref="RecordWriteValidator"/>) before any lock; then one transaction holds the zone's row lock and the
/// customer's alias-graph lock, reads the zone once, works out the final zone in memory (<see cref="ImportPlan"/>),
/// runs the stored-state rules over it (<see cref="ImportedZoneRules"/>), and writes it set-based with one serial bump.
/// A dry run, or any problem, rolls back: nothing is written.
/// </summary>
public sealed class ZoneImporter(
    ZoneDbContext db, RecordWriteValidator validator, IOptions<QuotaOptions> quotas, IOptions<DatabaseLimits> limits, TimeProvider time,
    ILogger<ZoneImporter> logger)
{
    /// <summary>Rows an import adds or removes from which it refreshes the table's statistics (<see cref="RefreshStatisticsAsync"/>).</summary>
    private const int AnalyzeAfterRows = 10_000;

    public async Task<ImportResult> ImportAsync(Guid customerId, Guid zoneId, string text, ImportMode mode, bool dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (await db.ZoneNameAsync(customerId, zoneId, ct) is not { } zoneName)
        {
            return new ImportResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        var quota = quotas.Value.RecordsPerZone;
        var parsed = ZoneFileParser.Parse(text, zoneName, quota == 0 ? int.MaxValue : quota);
        var problems = parsed.Problems.ToList();
        var (values, ignored) = Validate(zoneName, parsed.Entries, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Of(problems);
        }

        return await RetryOnRollback.RunAsync(db, () => InLockedZoneAsync(customerId, zoneId, values, ignored, mode, dryRun, ct), ct);
    }

    /// <summary>Each record through the validator a POST runs, so a value is refused here exactly when a POST would refuse it.</summary>
    private (List<FileValue> Values, List<IgnoredLine> Ignored) Validate(string zoneName, IReadOnlyList<ZoneFileEntry> entries, List<ZoneFileProblem> problems)
    {
        var values = new List<FileValue>(entries.Count);
        var ignored = new List<IgnoredLine>();
        foreach (var entry in entries)
        {
            if (entry.Type == RecordTypes.Soa)
            {
                ignored.Add(new IgnoredLine(entry.Line, "the SOA is the server's: its serial rises with every change, and the import is one change"));
                continue;
            }

            var write = new RecordWrite(zoneName, entry.Owner, entry.Type, entry.Content, entry.Ttl, null, null);
            var result = validator.Validate(write);
            if (result.IsValid)
            {
                values.Add(new FileValue(entry.Line, RecordInput.From(write)));
                continue;
            }

            var error = ValidationFilter.ToEnvelope(result.Errors).Error;
            var reasons = string.Join("; ", (error.Details ?? []).Select(d => $"{d.Field} {d.Reason}"));
            problems.Add(new ZoneFileProblem(entry.Line, error.Code, $"{entry.Type} record: {reasons}"));
        }

        return (values, ignored);
    }

    private async Task<ImportResult> InLockedZoneAsync(Guid customerId, Guid zoneId, IReadOnlyList<FileValue> values, IReadOnlyList<IgnoredLine> ignored,
        ImportMode mode, bool dryRun, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ApplyAsync(limits.Value, ct);
        var zone = await db.Zones.FromSql($"SELECT * FROM zones WHERE id = {zoneId} AND customer_id = {customerId} FOR UPDATE")
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (zone is null)
        {
            return new ImportResult.Refused(RecordErrors.ZoneNotFound(zoneId));
        }

        // An import may change any edge of the customer's alias graph; taken after the zone lock, as every write does.
        await db.Database.TakeAliasGraphLockAsync(customerId, ct);
        var stored = await db.Records.AsNoTracking().Where(r => r.ZoneId == zoneId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var plan = ImportPlan.Build(zoneId, zone.Name, stored, values, mode, ignored, now);
        var problems = plan.Problems.ToList();
        var names = await CustomerNames.LoadAsync(db, customerId, new ImportedZone(zoneId, zone.Name, plan.Final), ct);
        problems.AddRange(ImportedZoneRules.Check(names));
        if (QuotaProblem(plan, stored.Count) is { } full)
        {
            problems.Add(full);
        }

        if (problems.Count > 0)
        {
            return ImportResult.Of(problems);
        }

        var data = Answer(plan, mode, dryRun);
        if (dryRun || plan.ChangesNothing)
        {
            return new ImportResult.Done(data);
        }

        try
        {
            await ImportWriter.WriteAsync(db, zoneId, plan, now, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            // The rules above should have caught it; the constraints of migrations/0004 hold anyway, and say so as a 409.
            return ImportResult.Of([new ZoneFileProblem(0, e.ConstraintName is "records_alias_apart_from_addresses" or "records_one_alias_per_name"
                ? ErrorCodes.AliasConflict : ErrorCodes.CnameConflict, "two records of the file cannot share a name (RFC 1034 §3.6.2)")]);
        }

        await RaiseSerialAsync(zone, now, ct);
        await transaction.CommitAsync(ct);
        await RefreshStatisticsAsync(plan, ct);
        return new ImportResult.Done(data);
    }

    /// <summary>
    /// A large import changes the records table faster than autovacuum re-reads its statistics (up to a minute later).
    /// Until then the planner may take the zone for a small one and read all of it for each single write: measured, 90 ms
    /// instead of 7 ms per create right after a 100,000-record import. As after any bulk load (PostgreSQL's manual,
    /// "Populating a Database": run ANALYZE afterwards), the import refreshes them. The import has committed by then,
    /// so a failure here is logged, not answered. pdns_records (migration 0015), which the same statements filled, is
    /// refreshed with it, although PowerDNS's lookups and the triggers' probes there are index probes whatever it says.
    /// </summary>
    private async Task RefreshStatisticsAsync(ImportPlan plan, CancellationToken ct)
    {
        if (plan.Added.Count + plan.Removed.Count < AnalyzeAfterRows)
        {
            return;
        }

        try
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE records, pdns_records", ct);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            logger.LogWarning("ANALYZE after a large import did not finish ({Reason}); autovacuum will refresh the statistics", e.GetBaseException().Message);
        }
    }

    /// <summary>Only an import that adds values counts against the records-per-zone quota, as only a create that adds one does.</summary>
    private ZoneFileProblem? QuotaProblem(ImportPlan plan, int storedCount)
    {
        var quota = quotas.Value.RecordsPerZone;
        return quota == 0 || plan.Final.Count <= quota || plan.Final.Count <= storedCount ? null
            : new ZoneFileProblem(0, ErrorCodes.QuotaExceeded,
                $"the zone would hold {plan.Final.Count} records, more than the records-per-zone quota allows ({QuotaOptions.Section}:RecordsPerZone = "
                + $"{quota}; the SOA and NS records count too)");
    }

    /// <summary>
    /// One serial bump for the whole import (RFC 1996, RFC 1982): secondaries fetch the zone once. The zone row's trigger
    /// writes the serial into the SOA row (migrations/0014), whose id stays what it is.
    /// </summary>
    private async Task RaiseSerialAsync(Zone zone, DateTimeOffset now, CancellationToken ct)
    {
        var serial = SoaSerial.Next(zone.Serial, DateOnly.FromDateTime(now.UtcDateTime));
        await db.Database.ExecuteSqlAsync($"UPDATE zones SET serial = {serial} WHERE id = {zone.Id}", ct);
    }

    private static ImportData Answer(ImportPlan plan, ImportMode mode, bool dryRun) => new(
        dryRun,
        mode == ImportMode.Replace ? "replace" : "merge",
        new ImportDiff(
            Ordered(plan.Added).Select(RecordDto.From).ToList(),
            Ordered(plan.Removed).Select(RecordDto.From).ToList(),
            plan.Changed.OrderBy(c => c.After.Name, StringComparer.Ordinal).ThenBy(c => c.After.Type, StringComparer.Ordinal)
                .ThenBy(c => c.After.Content, StringComparer.Ordinal)
                .Select(c => new RecordChange(RecordDto.From(c.Before), RecordDto.From(c.After))).ToList(),
            plan.Unchanged),
        plan.Ignored.OrderBy(i => i.Line).ToList());

    /// <summary>The record list's order (CONTRACT A1): name, type, content.</summary>
    private static IEnumerable<DnsRecord> Ordered(IEnumerable<DnsRecord> records) =>
        records.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Content, StringComparer.Ordinal);
}
