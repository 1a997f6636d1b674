using Microsoft.EntityFrameworkCore;

namespace ZoneApi.Data;

/// <summary>
/// Runs a unit of work again, once, when it failed in a way that PostgreSQL guarantees rolled the whole
/// transaction back (serialization failure, deadlock, the session terminated by an administrator): nothing was
/// written, so a second run on a fresh connection is safe and usually succeeds (CONTRACT A7, "after an internal
/// retry where that is safe"). Anything else, and a second failure, goes up to the exception handler (503).
/// </summary>
public static class RetryOnRollback
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (DatabaseUnavailable.IsRolledBackAndRetryable(e) && !ct.IsCancellationRequested)
        {
            // Entities loaded or added by the failed run are stale; EF reopens a broken connection from the pool.
            db.ChangeTracker.Clear();
            return await work();
        }
    }
}
