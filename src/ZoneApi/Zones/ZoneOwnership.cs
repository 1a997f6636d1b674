using Microsoft.EntityFrameworkCore;
using ZoneApi.Auth;
using ZoneApi.Data;
using ZoneApi.Dns;

namespace ZoneApi.Zones;

/// <summary>
/// Decides whether a customer may create a zone at a name (CONTRACT A5): a zone name and every name below it
/// belong to at most one customer, and reserved zones to the operator. Whoever holds a zone's parent could
/// otherwise publish records (and obtain TLS certificates) for names inside someone else's domain.
/// </summary>
public sealed class ZoneOwnership(ZoneDbContext db, ReservedZoneNames reserved)
{
    /// <summary>
    /// True when no other customer holds a zone at, above or below <paramref name="name"/>, and the name is not
    /// reserved (or the customer is the operator's). Runs in the create transaction before the insert: the
    /// locks it takes last until that transaction ends, so the answer stays true until the zone is committed.
    /// </summary>
    public async Task<bool> IsAvailableAsync(Guid customerId, string name, CancellationToken ct)
    {
        if (reserved.Overlaps(name)
            && !await db.Customers.AnyAsync(c => c.Id == customerId && c.Name == ApiKeyService.DefaultCustomer, ct))
        {
            return false;
        }

        await LockBranchAsync(name, ct);
        return !await OtherCustomerOverlapsAsync(customerId, name, ct);
    }

    /// <summary>
    /// Two creates conflict exactly when one name is at or below the other. Each create takes a shared lock on
    /// every name above its own and an exclusive lock on its own name, so a.example and x.a.example always meet
    /// on a.example, while siblings never wait for each other. Locks are taken shallowest first, one per depth,
    /// which is one order for every transaction, so they cannot deadlock; one statement each keeps that order.
    /// </summary>
    private async Task LockBranchAsync(string name, CancellationToken ct)
    {
        foreach (var ancestor in ZoneNameTree.Ancestors(name))
        {
            var key = LockKey(ancestor);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({key}, 0))", ct);
        }

        var own = LockKey(name);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({own}, 0))", ct);
    }

    /// <summary>
    /// Another customer's zone at the name or above it (each parent name, on zones_name_key), or below it: the
    /// reversed names below example.com all start with "moc.elpmaxe.", a range of zones_reversed_name_idx
    /// ('~' sorts after every character a zone name may hold).
    /// </summary>
    private Task<bool> OtherCustomerOverlapsAsync(Guid customerId, string name, CancellationToken ct)
    {
        var atOrAbove = ZoneNameTree.Ancestors(name).Append(name).ToArray();
        return db.Database.SqlQuery<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM zones WHERE name = ANY ({atOrAbove}) AND customer_id <> {customerId})
                OR EXISTS (SELECT 1 FROM zones
                           WHERE reverse(name) >= reverse('.' || {name}) AND reverse(name) < reverse('.' || {name}) || '~'
                             AND customer_id <> {customerId}) AS "Value"
            """).SingleAsync(ct);
    }

    // A prefix keeps these keys apart from the other advisory locks the API takes.
    private static string LockKey(string name) => "zone name " + name;
}
