using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoneApi.Data;
using ZoneApi.Zones;

namespace ZoneApi.Quotas;

/// <summary>
/// Checks the per-customer quotas (CONTRACT A7) inside the write's transaction, under a lock that every write
/// which could add to the same count also takes, so concurrent writes cannot all pass at the last free place.
/// The zone count stops at the quota; a zone's record count is a column of its row.
/// </summary>
public sealed class CustomerQuotas(ZoneDbContext db, IOptions<QuotaOptions> options)
{
    /// <summary>
    /// Why the customer cannot create another zone, or null. Takes a per-customer advisory lock that lasts
    /// until the transaction ends: zone creates of one customer are counted one at a time.
    /// </summary>
    public async Task<string?> ZonesFullAsync(Guid customerId, CancellationToken ct)
    {
        var quota = options.Value.ZonesPerCustomer;
        if (quota == 0)
        {
            return null;
        }

        // The prefix keeps this key apart from the other advisory locks the API takes.
        var lockKey = "zone quota " + customerId.ToString("D");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", ct);
        var zones = await db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM zones WHERE customer_id = {customerId} LIMIT {quota}) AS held""")
            .SingleAsync(ct);
        return zones < quota ? null
            : $"You have {quota} zones, the most the zones-per-customer quota allows ({QuotaOptions.Section}:ZonesPerCustomer = {quota}). "
              + $"Delete zones you no longer need, or ask the operator to raise {QuotaOptions.Section}:ZonesPerCustomer.";
    }

    /// <summary>
    /// Why the zone cannot take one more record, or null. Call it holding the zone's row lock, which every
    /// record write takes, and only for a write that adds a value.
    /// </summary>
    public async Task<string?> RecordsFullAsync(Guid zoneId, CancellationToken ct)
    {
        var quota = options.Value.RecordsPerZone;
        return quota == 0 ? null : RecordsFull(await CountRecordsAsync(zoneId, ct));
    }

    /// <summary>Why a zone holding <paramref name="records"/> records (read under its row lock) cannot take one more, or null.</summary>
    public string? RecordsFull(int records)
    {
        var quota = options.Value.RecordsPerZone;
        return quota == 0 || records < quota ? null : RecordsFullMessage(quota);
    }

    /// <summary>
    /// How many more records the zone may take (null: no quota), and the refusal once there is no room: for a batch,
    /// which counts its own writes under the zone's row lock instead of reading the count again for every value.
    /// </summary>
    public async Task<(int? Left, string FullMessage)> RecordRoomAsync(Guid zoneId, CancellationToken ct)
    {
        var quota = options.Value.RecordsPerZone;
        return quota == 0 ? (null, "") : (quota - await CountRecordsAsync(zoneId, ct), RecordsFullMessage(quota));
    }

    // Kept exact on the zone row by the database for every writer (migrations/0013), and read under that row's lock:
    // one row, whatever the zone's size. Earlier statements of this transaction are counted too.
    private Task<int> CountRecordsAsync(Guid zoneId, CancellationToken ct) =>
        db.Zones.AsNoTracking().Where(z => z.Id == zoneId)
            .Select(z => EF.Property<int>(z, ZoneConfiguration.RecordCount)).SingleAsync(ct);

    private static string RecordsFullMessage(int quota) =>
        $"This zone has {quota} records, the most the records-per-zone quota allows ({QuotaOptions.Section}:RecordsPerZone = {quota}; "
        + $"the SOA and NS records count too). Delete records you no longer need, or ask the operator to raise {QuotaOptions.Section}:RecordsPerZone.";
}
