using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ZoneApi.Limits;

/// <summary>
/// The statement bound of a whole-zone transaction (import, batch): a 100,000-record import legitimately runs longer
/// than the per-request bound of single writes. Call it inside the transaction: SET LOCAL ends with it, and the
/// connection goes back to the pool with its usual statement_timeout.
/// </summary>
public static class WholeZoneBudget
{
    public static async Task ApplyAsync(this DatabaseFacade database, DatabaseLimits limits, CancellationToken ct)
    {
        var seconds = limits.WholeZoneTimeoutSeconds;
        database.SetCommandTimeout(seconds);
        var milliseconds = (seconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await database.ExecuteSqlAsync($"SELECT set_config('statement_timeout', {milliseconds}, true)", ct);
    }
}
