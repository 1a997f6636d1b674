using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZoneApi.Data;

namespace ZoneApi.Auth;

/// <summary>Creates keys for the operator's entry points: the `keys create` command and the bootstrap key.</summary>
public sealed partial class ApiKeyService(ZoneDbContext db, TimeProvider time)
{
    public const string DefaultCustomer = "default";

    /// <summary>Creates a key for the customer, creating the customer on first use. The secret is only in the result.</summary>
    public async Task<CreatedApiKey> CreateAsync(string customerName, IReadOnlyList<string> scopes, string? name, CancellationToken ct)
    {
        var secret = ApiKeySecret.Generate();
        var customerId = await InsertKeyAsync(customerName, secret, scopes, name ?? "key", ct);
        return new CreatedApiKey(secret, customerId, customerName, [.. scopes]);
    }

    /// <summary>Registers ZoneApi:BootstrapKey for the default customer with every scope; a no-op once it exists.</summary>
    public Task RegisterBootstrapKeyAsync(string secret, CancellationToken ct) =>
        InsertKeyAsync(DefaultCustomer, secret, Scopes.All, "bootstrap", ct);

    public static string? CheckCustomerName(string name) =>
        CustomerNamePattern().IsMatch(name) ? null : "a customer name is 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static string? CheckScopes(IReadOnlyList<string> scopes)
    {
        var unknown = scopes.Where(s => !Scopes.All.Contains(s)).ToList();
        return unknown.Count == 0 && scopes.Count > 0 ? null : $"scopes must be a non-empty list of {string.Join(", ", Scopes.All)}";
    }

    private async Task<Guid> InsertKeyAsync(string customerName, string secret, IReadOnlyList<string> scopes, string name, CancellationToken ct)
    {
        var problem = CheckCustomerName(customerName) ?? CheckScopes(scopes)
            ?? (ApiKeySecret.IsWellFormed(secret) ? null : "a key is 1-4096 printable ASCII characters without spaces");
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        var now = time.GetUtcNow();
        var hash = ApiKeySecret.Hash(secret);
        var scopeArray = scopes.Distinct().ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // ON CONFLICT instead of look-then-insert: two instances starting together must not both create "default",
        // nor both register the bootstrap key. A generated secret never collides (256 random bits).
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO customers (id, name, created_at) VALUES ({Guid.CreateVersion7()}, {customerName}, {now}) ON CONFLICT (name) DO NOTHING", ct);
        var customerId = await db.Customers.Where(c => c.Name == customerName).Select(c => c.Id).SingleAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api_keys (id, customer_id, name, key_hash, scopes, created_at)
            VALUES ({Guid.CreateVersion7()}, {customerId}, {name}, {hash}, {scopeArray}, {now})
            ON CONFLICT (key_hash) DO NOTHING
            """, ct);
        await transaction.CommitAsync(ct);
        return customerId;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex CustomerNamePattern();
}

/// <summary>A new key; <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(string Secret, Guid CustomerId, string Customer, string[] Scopes);
