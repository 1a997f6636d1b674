using System.Data;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Records;

namespace ZoneApi.Export;

/// <summary>
/// Reads a zone for export in one snapshot, row by row as projections (nothing enters EF's change tracker), and
/// writes the rows out as they arrive.
/// </summary>
public sealed class ZoneExporter(ZoneDbContext db)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the customer's zone as a master file; false, with nothing written, when there is no such zone.</summary>
    public async Task<bool> WriteAsync(Guid customerId, Guid zoneId, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Three statements, one snapshot: the serial in the SOA and the records are of the same moment.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var zoneName = await db.Zones.AsNoTracking()
            .Where(z => z.Id == zoneId && z.CustomerId == customerId).Select(z => z.Name).FirstOrDefaultAsync(ct);
        var soa = zoneName is null ? null : await Project(Records(zoneId).Where(r => r.Type == RecordTypes.Soa)).FirstOrDefaultAsync(ct);
        if (zoneName is null || soa is null)
        {
            return false;
        }

        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        // The SOA first (RFC 1035 §5.2: it starts the zone), then the record list's order. The rest is read in the order
        // of records_zone_order_idx (name, type, left(content, 512), id), an index scan that streams rows as they come:
        // ordering by "SOA first" in the same query would sort all 100,000 rows of a large zone before the first one.
        await writer.WriteAsync(ZoneFileRenderer.Header(zoneName, Ttl.Default));
        await writer.WriteLineAsync(ZoneFileRenderer.Line(zoneName, soa));
        var rest = Records(zoneId).Where(r => r.Type != RecordTypes.Soa)
            .OrderBy(r => r.Name).ThenBy(r => r.Type).ThenBy(r => EF.Property<string>(r, DnsRecordConfiguration.ContentKey)).ThenBy(r => r.Id);
        await foreach (var record in Project(rest).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(ZoneFileRenderer.Line(zoneName, record));
        }

        return true;
    }

    /// <summary>The zone's served values: disabled ones are stored but not served, so they are not exported.</summary>
    private IQueryable<DnsRecord> Records(Guid zoneId) => db.Records.AsNoTracking().Where(r => r.ZoneId == zoneId && !r.Disabled);

    private static IQueryable<ZoneFileRecord> Project(IQueryable<DnsRecord> records) =>
        records.Select(r => new ZoneFileRecord(r.Name, r.Type, r.Content, r.Priority, r.Ttl));
}
