using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Zones;

public static class ZoneNameLookup
{
    /// <summary>
    /// The name of the customer's zone, or null when there is no such zone or it is another customer's. Record
    /// names are read relative to it before any lock is taken: zones are never renamed, and a zone deleted since
    /// is caught by the locked part, which then finds no row.
    /// </summary>
    public static Task<string?> ZoneNameAsync(this ZoneDbContext db, Guid customerId, Guid zoneId, CancellationToken ct) =>
        db.Zones.AsNoTracking().Where(z => z.Id == zoneId && z.CustomerId == customerId).Select(z => z.Name).FirstOrDefaultAsync(ct);
}
