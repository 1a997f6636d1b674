using ZoneApi.Auth;
using ZoneApi.Data;

namespace ZoneApi.Hosting;

/// <summary>
/// The operator's subcommands of the API executable (CONTRACT A6):
/// <c>migrate</c>, <c>keys create --customer NAME [--scopes a,b] [--name N]</c>, <c>keys list [--customer NAME]</c>
/// and <c>keys revoke ID|PREFIX</c>.
/// </summary>
public static class AdminCommands
{
    public const string Usage = """
        usage: ZoneApi                      run the API
               ZoneApi migrate              apply pending database migrations
               ZoneApi keys create --customer NAME [--scopes zones:read,zones:write,...] [--name NAME]
                                            create an API key and print its secret (shown once)
               ZoneApi keys list [--customer NAME]
                                            list keys (id, prefix, customer, name, scopes, status); never secrets
               ZoneApi keys revoke ID|PREFIX
                                            revoke one key, named by its id (or its first 4+ characters), its
                                            prefix as listed (zoneapi_XXXX) or its whole secret; in force at once
        """;

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cancel.Token;
        try
        {
            switch (args)
            {
                case ["migrate"]:
                    await services.GetRequiredService<ZoneDatabase>().StartAsync(ct);
                    var applied = await services.GetRequiredService<SqlMigrator>().MigrateAsync(ct);
                    Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", applied)}.");
                    return 0;
                case ["keys", "create", .. var options]:
                    return await CreateKeyAsync(Options(options), services, ct);
                case ["keys", "list", .. var options]:
                    return await ListKeysAsync(Options(options), services, ct);
                case ["keys", "revoke", var reference]:
                    return await RevokeKeyAsync(reference, services, ct);
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is DatabaseStartupException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"zoneapi: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> CreateKeyAsync(Dictionary<string, string> options, IServiceProvider services, CancellationToken ct)
    {
        if (!options.TryGetValue("customer", out var customer) || options.Keys.Except(["customer", "scopes", "name"]).Any())
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var scopes = options.TryGetValue("scopes", out var list)
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [.. Scopes.All];
        await using var scope = await KeyServiceScopeAsync(services, ct);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(customer, scopes, options.GetValueOrDefault("name"), ct);
        await Console.Error.WriteLineAsync($"Created a key for customer '{key.Customer}' with scopes {string.Join(",", key.Scopes)}. "
            + "This is the only time the secret is shown:");
        Console.WriteLine(key.Secret);
        return 0;
    }

    private static async Task<int> ListKeysAsync(Dictionary<string, string> options, IServiceProvider services, CancellationToken ct)
    {
        if (options.Keys.Except(["customer"]).Any())
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = await KeyServiceScopeAsync(services, ct);
        var keys = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(options.GetValueOrDefault("customer"), ct);
        Console.Write(KeyTable.Format(keys, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return 0;
    }

    private static async Task<int> RevokeKeyAsync(string reference, IServiceProvider services, CancellationToken ct)
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

    /// <summary>--name value pairs; a flag without a value is an error the caller reports with the usage.</summary>
    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"'{args[i]}' needs a value, as in --customer acme");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
