using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>Record reads. A page is one indexed query (<see cref="RecordPageQuery"/>), never a load of the whole zone.</summary>
public sealed class RecordReader(ZoneDbContext db)
{
    public async Task<RecordRead> ListAsync(
        Guid customerId, Guid zoneId, string? name, string? type, int offset, int limit, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().Where(z => z.Id == zoneId && z.CustomerId == customerId)
            .Select(z => new { z.Name, RecordCount = EF.Property<int>(z, ZoneConfiguration.RecordCount) })
            .FirstOrDefaultAsync(ct);
        if (zone is null)
        {
            return ZoneNotFound(zoneId);
        }

        var zoneName = zone.Name;
        var records = db.Records.AsNoTracking().Where(r => r.ZoneId == zoneId);
        string? owner = null;
        string? recordType = null;
        var problems = new List<ErrorDetail>();
        if (name is not null)
        {
            if (OwnerName.Normalize(name, zoneName) is OwnerNameResult.Valid(var normalized))
            {
                owner = normalized;
                records = records.Where(r => r.Name == owner);
            }
            else
            {
                problems.Add(new ErrorDetail("name", $"must be a name in the zone {zoneName}, such as www, @ or www.{zoneName}"));
            }
        }

        if (type is not null)
        {
            if (RecordTypes.Normalize(type) is { } normalized)
            {
                recordType = normalized;
                records = records.Where(r => r.Type == recordType);
            }
            else
            {
                problems.Add(new ErrorDetail("type", $"must be one of {string.Join(", ", RecordTypes.All)}"));
            }
        }

        if (problems.Count > 0)
        {
            return new RecordRead.Refused(new RecordError(ErrorCodes.ValidationError, ValidationFilter.ValidationMessage(problems), problems));
        }

        // The whole zone's total is kept on its row (migrations/0013); a filtered total is counted, over the one name's
        // rows in records_zone_order_idx, or over the zone's index entries for a type alone.
        var total = owner is null && recordType is null ? zone.RecordCount : await records.CountAsync(ct);
        var page = offset >= total ? [] : await RecordPageQuery.ReadAsync(db, zoneId, owner, recordType, offset, limit, ct);
        return new RecordRead.Page(page, total);
    }

    public async Task<RecordRead> GetAsync(Guid customerId, Guid zoneId, string recordId, CancellationToken ct)
    {
        // An id that no record can have is not looked for: the answer is the same 404, without the database.
        if (!RecordId.IsWellFormed(recordId))
        {
            return new RecordRead.Refused(RecordErrors.RecordNotFound(recordId).Error);
        }

        if (await db.ZoneNameAsync(customerId, zoneId, ct) is null)
        {
            return ZoneNotFound(zoneId);
        }

        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.ZoneId == zoneId && r.Id == recordId, ct);
        return record is null ? new RecordRead.Refused(RecordErrors.RecordNotFound(recordId).Error) : new RecordRead.Found(record);
    }

    private static RecordRead.Refused ZoneNotFound(Guid zoneId) => new(RecordErrors.ZoneNotFound(zoneId));
}
