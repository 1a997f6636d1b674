using Microsoft.EntityFrameworkCore;
using ZoneApi.Http;
using ZoneApi.Zones;

namespace ZoneApi.Records;

/// <summary>The stored values a write by id or by name acts on, read under the zone's lock.</summary>
public sealed partial class RecordService
{
    private Task<DnsRecord?> FindAsync(Zone zone, string recordId, CancellationToken ct) =>
        db.Records.FirstOrDefaultAsync(r => r.ZoneId == zone.Id && r.Id == recordId, ct);

    /// <summary>
    /// The values that a by-name route names: the RRset at name and type, or the values the <c>?content=</c> of
    /// <paramref name="selection"/> picks (compared in canonical form, so "10 mail.example.com" finds the MX whose
    /// target is mail.example.com.).
    /// </summary>
    private async Task<(IReadOnlyList<DnsRecord> Records, RecordError? Error)> SelectAsync(
        Zone zone, RRsetSelection selection, bool wholeRRsetAllowed, CancellationToken ct)
    {
        var (name, type, content, matches) = selection;
        var rrset = await db.Records.Where(r => r.ZoneId == zone.Id && r.Name == name && r.Type == type).OrderBy(r => r.Content).ToListAsync(ct);
        var wanted = matches is null ? rrset : rrset.Where(matches).ToList();
        return wanted.Count switch
        {
            0 => ([], new RecordError(ErrorCodes.RecordNotFound,
                content is null ? $"There are no {type} records at {name}." : $"{name} has no {type} record with content {content}.")),
            > 1 when !wholeRRsetAllowed => ([], Invalid("content",
                $"{name} has {wanted.Count} {type} values; say which one with ?content=<current value>")),
            _ => (wanted, null),
        };
    }
}
