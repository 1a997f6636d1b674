using Microsoft.Extensions.Options;
using ZoneApi.Auth;
using ZoneApi.Data;

namespace ZoneApi.Hosting;

/// <summary>
/// The operator's commands (CONTRACT A6): <c>migrate</c>, <c>keys create</c>, <c>keys list</c>, <c>keys revoke</c>.
/// Each builds the app's services without a web server, does its work and disposes them, which stops the
/// embedded PostgreSQL if the command started it. Answers go to stdout, everything else to stderr.
/// </summary>
public static class AdminCommands
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(LaunchEnvironment.Options([]));
        // Keep stdout for the command's answer (a key's secret); logs go to stderr, and only what matters.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // A rule for the console provider itself outranks appsettings.json's per-category levels.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        builder.AddZoneApi();
        await using var app = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Deadline);
        try
        {
            return await command(app.Services, deadline.Token);
        }
        catch (Exception e) when (e is DatabaseStartupException or ArgumentException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"zoneapi: {e.Message}");
            return 1;
        }
    }

    public static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<ZoneDatabase>().StartAsync(ct);
        var applied = await services.GetRequiredService<SqlMigrator>().MigrateAsync(ct);
        Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", applied)}.");
        return 0;
    }

    public static async Task<int> CreateKeyAsync(IServiceProvider services, string customer, string? scopeList, string? name, CancellationToken ct)
    {
        var scopes = scopeList is null
            ? [.. Scopes.All]
            : scopeList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        await using var scope = await KeyServiceScopeAsync(services, ct);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customer, scopes, name, ct);
        await Console.Error.WriteLineAsync($"Created a key for customer '{key.Customer}' with scopes {string.Join(",", key.Scopes)}. "
            + "This is the only time the secret is shown:");
        Console.WriteLine(key.Secret);
        return 0;
    }

    public static async Task<int> ListKeysAsync(IServiceProvider services, string? customer, CancellationToken ct)
    {
        await using var scope = await KeyServiceScopeAsync(services, ct);
        var keys = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(customer, ct);
        Console.Write(KeyTable.Format(keys, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return 0;
    }

    public static async Task<int> RevokeKeyAsync(IServiceProvider services, string reference, CancellationToken ct)
    {
        await using var scope = await KeyServiceScopeAsync(services, ct);
        switch (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(reference, ct))
        {
            case RevokeKeyResult.Revoked(var key, var already):
                Console.WriteLine($"{(already ? "Already revoked" : "Revoked")}: key {key.Id} ({key.Prefix ?? "no prefix"}) "
                    + $"of customer '{key.Customer}', named '{key.Name}'.");
                return 0;
            case RevokeKeyResult.Ambiguous:
                await Console.Error.WriteLineAsync($"zoneapi: '{reference}' matches more than one key; give more of the id (see `keys list`).");
                return 1;
            default:
                await Console.Error.WriteLineAsync($"zoneapi: no key matches '{reference}'; see `keys list` for ids and prefixes.");
                return 1;
        }
    }

    private static async Task<AsyncServiceScope> KeyServiceScopeAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<ZoneDatabase>().StartAsync(ct);
        await services.GetRequiredService<SqlMigrator>().MigrateAsync(ct);
        return services.CreateAsyncScope();
    }
}
