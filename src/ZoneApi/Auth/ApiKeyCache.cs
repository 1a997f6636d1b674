using System.Collections.Concurrent;

namespace ZoneApi.Auth;

/// <summary>
/// Keys this instance has looked up in the last second, by the SHA-256 of the secret, so a busy client costs one
/// api_keys query a second rather than one a request. CONTRACT A6 wants a revoked or expired key refused on every
/// instance within one second: an entry is trusted for at most <see cref="Lifetime"/> after the moment its query was
/// sent (so it never outlives a revocation that committed after that read by more than that), and a key's expiry
/// is checked against the clock on every use. Only keys that worked are kept: a key created a moment ago is
/// found at once, and an unknown one is asked about every time (the rate limiter bounds those).
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    /// <summary>At most one second, CONTRACT A6's bound on how long a revoked key may keep working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMilliseconds(900);

    /// <summary>Bounds the memory: past it the whole map starts again (a miss costs one query).</summary>
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _keys = new();

    /// <summary>The key for this hash if it was read less than <see cref="Lifetime"/> ago and has not expired since.</summary>
    public ActiveApiKey? Find(byte[] keyHash)
    {
        var id = Convert.ToBase64String(keyHash);
        if (!_keys.TryGetValue(id, out var entry))
        {
            return null;
        }

        if (time.GetElapsedTime(entry.ReadAt) >= Lifetime || entry.Key.ExpiresAt <= time.GetUtcNow())
        {
            _keys.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            return null;
        }

        return entry.Key;
    }

    /// <summary>Remembers a key that the database answered for, read by a query sent at <paramref name="readAt"/> (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Remember(byte[] keyHash, ActiveApiKey key, long readAt)
    {
        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        _keys[Convert.ToBase64String(keyHash)] = new Entry(key, readAt);
    }

    private sealed record Entry(ActiveApiKey Key, long ReadAt);
}

/// <summary>A key that is neither revoked nor expired: its id, customer, scopes and expiry (null: never).</summary>
public sealed record ActiveApiKey(Guid Id, Guid CustomerId, string[] Scopes, DateTimeOffset? ExpiresAt);
