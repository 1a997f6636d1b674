using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Auth;

/// <summary>
/// The operator's side of keys (CONTRACT A6): `keys create`, `keys list`, `keys revoke` and the bootstrap key.
/// Authentication trusts a key it has read for under a second (ApiKeyCache), so a revocation is in force on every
/// instance within a second of its commit.
/// </summary>
public sealed partial class ApiKeyService(ZoneDbContext db, TimeProvider time)
{
    public const string DefaultCustomer = "default";

    /// <summary>Creates a key for the customer, creating the customer on first use. The secret is only in the result.</summary>
    public async Task<CreatedApiKey> CreateAsync(string customerName, IReadOnlyList<string> scopes, string? name, CancellationToken ct)
    {
        var secret = ApiKeySecret.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (customerId, _) = await InsertKeyAsync(customerName, secret, scopes, name ?? "key", bootstrap: false, ct);
        await transaction.CommitAsync(ct);
        return new CreatedApiKey(secret, customerId, customerName, [.. scopes]);
    }

    /// <summary>
    /// Registers ZoneApi:BootstrapKey for the default customer with every scope (a no-op once it exists), and revokes
    /// every earlier bootstrap key: rotating the setting must not leave the old key working. Returns false when this
    /// very key was revoked before (an operator's revocation stands; the key stays unusable).
    /// </summary>
    public async Task<bool> RegisterBootstrapKeyAsync(string secret, CancellationToken ct)
    {
        if (ApiKeySecret.Weakness(secret) is { } weakness)
        {
            throw new ArgumentException($"ZoneApi:BootstrapKey {weakness}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (_, keyId) = await InsertKeyAsync(DefaultCustomer, secret, Scopes.All, "bootstrap", bootstrap: true, ct);
        var now = time.GetUtcNow();
        await db.ApiKeys.Where(k => k.Bootstrap && k.Id != keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now), ct);
        var usable = await db.ApiKeys.AnyAsync(k => k.Id == keyId && k.RevokedAt == null, ct);
        await transaction.CommitAsync(ct);
        return usable;
    }

    /// <summary>Every key, or one customer's, oldest first. Never the secret: only its display prefix.</summary>
    public Task<List<ApiKeySummary>> ListAsync(string? customerName, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking()
            .Join(db.Customers, k => k.CustomerId, c => c.Id, (k, c) => new { Key = k, Customer = c.Name })
            .Where(x => customerName == null || x.Customer == customerName)
            .OrderBy(x => x.Key.CreatedAt).ThenBy(x => x.Key.Id)
            .Select(x => new ApiKeySummary(x.Key.Id, x.Key.Prefix, x.Customer, x.Key.Name, x.Key.Scopes,
                x.Key.Bootstrap, x.Key.CreatedAt, x.Key.ExpiresAt, x.Key.RevokedAt))
            .ToListAsync(ct);

    /// <summary>
    /// Revokes the one key that <paramref name="reference"/> names: its id or the start of its id (at least 4
    /// characters), its display prefix (zoneapi_ and 4 characters), or the whole secret.
    /// </summary>
    public async Task<RevokeKeyResult> RevokeAsync(string reference, CancellationToken ct)
    {
        var matches = await Matching(reference).OrderBy(k => k.Id).Select(k => k.Id).Take(2).ToListAsync(ct);
        if (matches.Count != 1)
        {
            return matches.Count == 0 ? new RevokeKeyResult.NotFound() : new RevokeKeyResult.Ambiguous();
        }

        var id = matches[0];
        var now = time.GetUtcNow();
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now), ct) > 0;
        var key = (await ListAsync(null, ct)).Single(k => k.Id == id);
        return new RevokeKeyResult.Revoked(key, AlreadyRevoked: !revoked);
    }

    public static string? CheckCustomerName(string name) =>
        CustomerNamePattern().IsMatch(name) ? null : "a customer name is 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static string? CheckScopes(IReadOnlyList<string> scopes)
    {
        var unknown = scopes.Where(s => !Scopes.All.Contains(s)).ToList();
        return unknown.Count == 0 && scopes.Count > 0 ? null : $"scopes must be a non-empty list of {string.Join(", ", Scopes.All)}";
    }

    private IQueryable<ApiKey> Matching(string reference)
    {
        if (ApiKeySecret.HasKeyFormat(reference))
        {
            var hash = ApiKeySecret.Hash(reference);
            return db.ApiKeys.Where(k => k.KeyHash == hash);
        }

        if (reference.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return db.ApiKeys.Where(k => k.Prefix == reference);
        }

        if (Guid.TryParse(reference, out var id))
        {
            return db.ApiKeys.Where(k => k.Id == id);
        }

        // A short id, as `keys list` shows it; nothing shorter than 4 characters, so a typo cannot match many keys.
        // The pattern admits hex digits and dashes only, so the LIKE pattern holds no wildcard but its own.
        var idPattern = reference.ToLowerInvariant() + "%";
        return IdPrefixPattern().IsMatch(reference)
            ? db.ApiKeys.Where(k => EF.Functions.Like(k.Id.ToString(), idPattern))
            : db.ApiKeys.Where(_ => false);
    }

    private async Task<(Guid CustomerId, Guid KeyId)> InsertKeyAsync(
        string customerName, string secret, IReadOnlyList<string> scopes, string name, bool bootstrap, CancellationToken ct)
    {
        if ((CheckCustomerName(customerName) ?? CheckScopes(scopes)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var now = time.GetUtcNow();
        var hash = ApiKeySecret.Hash(secret);
        var prefix = ApiKeySecret.DisplayPrefix(secret);
        var scopeArray = scopes.Distinct().ToArray();
        // ON CONFLICT instead of look-then-insert: two instances starting together must not both create "default",
        // nor both register the bootstrap key. A generated secret never collides (256 random bits).
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO customers (id, name, created_at) VALUES ({Guid.CreateVersion7()}, {customerName}, {now}) ON CONFLICT (name) DO NOTHING", ct);
        var customerId = await db.Customers.Where(c => c.Name == customerName).Select(c => c.Id).SingleAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api_keys (id, customer_id, name, key_hash, scopes, created_at, bootstrap, prefix)
            VALUES ({Guid.CreateVersion7()}, {customerId}, {name}, {hash}, {scopeArray}, {now}, {bootstrap}, {prefix})
            ON CONFLICT (key_hash) DO NOTHING
            """, ct);
        var keyId = await db.ApiKeys.Where(k => k.KeyHash == hash).Select(k => k.Id).SingleAsync(ct);
        return (customerId, keyId);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex CustomerNamePattern();

    [GeneratedRegex("^[0-9a-fA-F-]{4,36}$")]
    private static partial Regex IdPrefixPattern();
}
