using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ZoneApi.Data;

/// <summary>
/// The customer's alias-graph lock (zoneapi_lock_alias_graph, migrations/0008), held to the end of the transaction.
/// Writes that change which of the customer's names point where, or which of its zones answers for a name (zone
/// create and delete), take it; always after any zone row lock they need, so the two locks never deadlock.
/// </summary>
public static class AliasGraphLock
{
    public static Task TakeAliasGraphLockAsync(this DatabaseFacade database, Guid customerId, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT zoneapi_lock_alias_graph({customerId})", ct);
}
