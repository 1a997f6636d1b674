using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>Record reads. A page is one indexed query (records_zone_order_idx), never a load of the whole zone.</summary>
public sealed class RecordReader(ZoneDbContext db)
{
    public async Task<RecordRead> ListAsync(
        Guid customerId, Guid zoneId, string? name, string? type, int offset, int limit, CancellationToken ct)
    {
        if (await db.ZoneNameAsync(customerId, zoneId, ct) is not { } zoneName)
        {
            return ZoneNotFound(zoneId);
        }

        var records = db.Records.AsNoTracking().Where(r => r.ZoneId == zoneId);
        var problems = new List<ErrorDetail>();
        if (name is not null)
        {
            if (OwnerName.Normalize(name, zoneName) is OwnerNameResult.Valid(var owner))
            {
                records = records.Where(r => r.Name == owner);
            }
            else
            {
                problems.Add(new ErrorDetail("name", $"must be a name in the zone {zoneName}, such as www, @ or www.{zoneName}"));
            }
        }

        if (type is not null)
        {
            if (RecordTypes.Normalize(type) is { } recordType)
            {
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

        var total = await records.CountAsync(ct);
        // The order of records_zone_order_idx: name, type, the first 512 characters of content, id (migrations/0005).
        var page = await records
            .OrderBy(r => r.Name).ThenBy(r => r.Type).ThenBy(r => EF.Property<string>(r, DnsRecordConfiguration.ContentKey)).ThenBy(r => r.Id)
            .Skip(offset).Take(limit).ToListAsync(ct);
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
