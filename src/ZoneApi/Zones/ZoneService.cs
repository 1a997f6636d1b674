using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Quotas;
using ZoneApi.Records;
using ZoneApi.Records.Servable;

namespace ZoneApi.Zones;

/// <summary>Zones of one customer. Every query is filtered by customer: another customer's zone does not exist here.</summary>
public sealed class ZoneService(ZoneDbContext db, ApexRecords apexRecords, ZoneOwnership ownership, CustomerQuotas quotas, TimeProvider time)
{
    public async Task<(IReadOnlyList<Zone> Zones, int Total)> ListAsync(Guid customerId, int offset, int limit, CancellationToken ct)
    {
        var mine = db.Zones.AsNoTracking().Where(z => z.CustomerId == customerId);
        var total = await mine.CountAsync(ct);
        var page = await mine.OrderBy(z => z.Name).ThenBy(z => z.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return (page, total);
    }

    public Task<Zone?> GetAsync(Guid customerId, Guid zoneId, CancellationToken ct) =>
        db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId && z.CustomerId == customerId, ct);

    /// <summary>
    /// Inserts the zone with its SOA and NS records in one transaction, which first counts the customer's
    /// zones and checks who holds the names around this one, each under a lock held until commit. The
    /// caller's own zone at the name is reported by the unique constraint.
    /// </summary>
    public async Task<CreateZoneResult> CreateAsync(Guid customerId, CreateZoneRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = new Zone
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            Name = DnsName.NormalizeZoneName(request.Name).Name!, // the validator has accepted it
            Type = ZoneSettings.NormalizeType(request.Type) ?? ZoneSettings.DefaultType,
            Region = ZoneSettings.NormalizeRegion(request.Region) ?? ZoneSettings.DefaultRegion,
            Status = ZoneSettings.NormalizeStatus(request.Status) ?? ZoneSettings.DefaultStatus,
            Serial = SoaSerial.First(DateOnly.FromDateTime(now.UtcDateTime)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await quotas.ZonesFullAsync(customerId, ct) is { } full)
        {
            return new CreateZoneResult.QuotaExceeded(full);
        }

        if (!await ownership.IsAvailableAsync(customerId, zone.Name, ct))
        {
            return new CreateZoneResult.Unavailable();
        }

        // The customer's zone above this one would keep records the new zone answers for, never served again (RFC 1034
        // §4.2.1): only a delegation to it (NS records at its apex, and glue) may stay. Refused, not hidden silently.
        if (await new ZoneCuts(db).HiddenByNewZoneAsync(customerId, zone.Name, ct) is ({ } parent, { } hidden))
        {
            return new CreateZoneResult.HidesRecords(
                $"Your zone {parent} holds the {hidden.Type} record {hidden.Content} at {hidden.Name}, which the zone {zone.Name} would "
                + $"answer for instead, so it would never be served. Move or delete the records at or below {zone.Name}. in {parent} "
                + "first (NS records at the new apex and their glue may stay).");
        }

        // A new zone of the customer's may answer for names that its other zones answered for until now (CONTRACT A4).
        await db.Database.TakeAliasGraphLockAsync(customerId, ct);
        db.Zones.Add(zone);
        db.Records.AddRange(apexRecords.Create(zone, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(ZoneConfiguration.UniqueName))
        {
            return new CreateZoneResult.AlreadyExists(zone.Name);
        }

        await transaction.CommitAsync(ct);
        return new CreateZoneResult.Created(zone);
    }

    public async Task<UpdateZoneResult> UpdateAsync(Guid customerId, Guid zoneId, UpdateZoneRequest request, CancellationToken ct)
    {
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Id == zoneId && z.CustomerId == customerId, ct);
        if (zone is null)
        {
            return new UpdateZoneResult.NotFound();
        }

        if (DnsName.NormalizeZoneName(request.Name).Name != zone.Name)
        {
            return new UpdateZoneResult.RenameRefused(zone.Name);
        }

        zone.Type = ZoneSettings.NormalizeType(request.Type) ?? zone.Type;
        zone.Region = ZoneSettings.NormalizeRegion(request.Region) ?? zone.Region;
        zone.Status = ZoneSettings.NormalizeStatus(request.Status) ?? zone.Status;
        zone.UpdatedAt = time.GetUtcNow();
        // EF writes only these columns, so a concurrent record change raising the serial is not overwritten.
        await db.SaveChangesAsync(ct);
        return new UpdateZoneResult.Updated(zone);
    }

    /// <summary>
    /// Deletes the zone; its records go with it (ON DELETE CASCADE). Its names fall back to the customer's enclosing
    /// zone, if any, so the deletion holds the customer's alias-graph lock: a concurrent CNAME or MX write must not
    /// check its rules against the nesting that is going away. Locks in record writes' order: zone row, then graph.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid customerId, Guid zoneId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var exists = await db.Zones.FromSql($"SELECT * FROM zones WHERE id = {zoneId} AND customer_id = {customerId} FOR UPDATE")
            .AsNoTracking().AnyAsync(ct);
        if (!exists)
        {
            return false;
        }

        await db.Database.TakeAliasGraphLockAsync(customerId, ct);
        await db.Zones.Where(z => z.Id == zoneId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
