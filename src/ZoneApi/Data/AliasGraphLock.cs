using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZoneApi.Data;

/// <summary>
/// The customer's alias-graph lock (zoneapi_lock_alias_graph, migrations/0008), held to the end of the transaction.
/// Writes that change which of the customer's names point where, or which of its zones answers for a name (zone
/// create and delete), take it; always after any zone row lock they need, so the two locks never deadlock.
/// </summary>
public static class AliasGraphLock
{
    /// <summary>
    /// The customers whose lock each open transaction holds: the stored-state rules and the servable-zone rules both
    /// need it, and asking again in the same transaction would be one more round trip under the zone lock for a lock
    /// already held. Keyed by EF's transaction object, which is new for every transaction (a retry included).
    /// </summary>
    private static readonly ConditionalWeakTable<IDbContextTransaction, HashSet<Guid>> Held = [];

    /// <summary>The statement that takes the lock, for a batch that takes it before its reads (<see cref="MarkHeld"/> after it ran).</summary>
    public const string Sql = "SELECT zoneapi_lock_alias_graph($1)";

    public static async Task TakeAliasGraphLockAsync(this DatabaseFacade database, Guid customerId, CancellationToken ct)
    {
        if (!database.HoldsAliasGraphLock(customerId))
        {
            await database.ExecuteSqlAsync($"SELECT zoneapi_lock_alias_graph({customerId})", ct);
            database.MarkHeld(customerId);
        }
    }

    /// <summary>Whether the current transaction holds the customer's lock already.</summary>
    public static bool HoldsAliasGraphLock(this DatabaseFacade database, Guid customerId) =>
        database.CurrentTransaction is { } transaction && Held.TryGetValue(transaction, out var held) && held.Contains(customerId);

    /// <summary>Records that the current transaction took the customer's lock (by <see cref="Sql"/> in a batch).</summary>
    public static void MarkHeld(this DatabaseFacade database, Guid customerId)
    {
        // One request uses a transaction at a time, so the set needs no lock of its own.
        if (database.CurrentTransaction is { } transaction)
        {
            Held.GetOrCreateValue(transaction).Add(customerId);
        }
    }
}
