using System.Collections.Concurrent;
using ZoneApi.Data;

namespace ZoneApi.Zones;

/// <summary>
/// The names of the customers' zones, remembered by this instance: a record write reads its owner name relative to
/// the zone before any lock (CONTRACT A4), and asking the database for that name every time cost a round trip of
/// its own. Remembering is safe because a zone's name and customer never change (a rename is refused) and zone ids
/// are never reused; a zone deleted since is caught by the locked part of the write, which then finds no row and
/// answers 404. Only zones that exist are remembered, so a zone created a moment ago is found at once.
/// </summary>
public sealed class ZoneNameCache
{
    /// <summary>Bounds the memory: past it the whole map starts again (a miss costs one query, no more).</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid CustomerId, Guid ZoneId), string> _names = new();

    /// <summary>The name of the customer's zone, or null when there is no such zone or it is another customer's.</summary>
    public async Task<string?> GetAsync(ZoneDbContext db, Guid customerId, Guid zoneId, CancellationToken ct)
    {
        if (_names.TryGetValue((customerId, zoneId), out var known))
        {
            return known;
        }

        var name = await db.ZoneNameAsync(customerId, zoneId, ct);
        if (name is not null)
        {
            if (_names.Count >= MaxEntries)
            {
                _names.Clear();
            }

            _names[(customerId, zoneId)] = name;
        }

        return name;
    }
}
