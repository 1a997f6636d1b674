using System.Text;
using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;
using ZoneApi.Dns;
using ZoneApi.Records;

namespace ZoneApi.Export;

/// <summary>
/// Reads a zone for export: one query, so the SOA serial and the records come from the same snapshot, read
/// row by row as projections (nothing enters EF's change tracker) and written out as they arrive.
/// </summary>
public sealed class ZoneExporter(ZoneDbContext db)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the customer's zone as a master file; false, with nothing written, when there is no such zone.</summary>
    public async Task<bool> WriteAsync(Guid customerId, Guid zoneId, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);

        var zoneName = await db.Zones.AsNoTracking()
            .Where(z => z.Id == zoneId && z.CustomerId == customerId).Select(z => z.Name).FirstOrDefaultAsync(ct);
        if (zoneName is null)
        {
            return false;
        }

        // The SOA first (RFC 1035 §5.2: it starts the zone), then the record list's order (records_zone_order_idx:
        // name, type, left(content, 512), id). Disabled values are stored but not served, so they are not exported.
        var records = db.Records.AsNoTracking()
            .Where(r => r.ZoneId == zoneId && !r.Disabled)
            .OrderBy(r => r.Type != RecordTypes.Soa).ThenBy(r => r.Name).ThenBy(r => r.Type)
            .ThenBy(r => EF.Property<string>(r, DnsRecordConfiguration.ContentKey)).ThenBy(r => r.Id)
            .Select(r => new ZoneFileRecord(r.Name, r.Type, r.Content, r.Priority, r.Ttl))
            .AsAsyncEnumerable();

        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var first = true;
        await foreach (var record in records.WithCancellation(ct))
        {
            if (first)
            {
                // A zone deleted between the two queries has no SOA left: the same answer as no zone at all.
                if (record.Type != RecordTypes.Soa)
                {
                    return false;
                }

                await writer.WriteAsync(ZoneFileRenderer.Header(zoneName, Ttl.Default));
                first = false;
            }

            await writer.WriteLineAsync(ZoneFileRenderer.Line(zoneName, record));
        }

        return !first;
    }
}
