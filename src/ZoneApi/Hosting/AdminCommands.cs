using ZoneApi.Auth;
using ZoneApi.Data;

namespace ZoneApi.Hosting;

/// <summary>
/// The operator's subcommands of the API executable (CONTRACT A6):
/// <c>migrate</c> and <c>keys create --customer NAME [--scopes a,b] [--name N]</c>.
/// </summary>
public static class AdminCommands
{
    public const string Usage = """
        usage: ZoneApi                      run the API
               ZoneApi migrate              apply pending database migrations
               ZoneApi keys create --customer NAME [--scopes zones:read,zones:write,...] [--name NAME]
                                            create an API key and print its secret (shown once)
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
        await services.GetRequiredService<ZoneDatabase>().StartAsync(ct);
        await services.GetRequiredService<SqlMigrator>().MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(customer, scopes, options.GetValueOrDefault("name"), ct);
        await Console.Error.WriteLineAsync($"Created a key for customer '{key.Customer}' with scopes {string.Join(",", key.Scopes)}. "
            + "This is the only time the secret is shown:");
        Console.WriteLine(key.Secret);
        return 0;
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
