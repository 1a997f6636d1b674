using System.CommandLine;

namespace ZoneApi.Hosting;

/// <summary>
/// The executable's commands: with none it runs the API; <c>migrate</c> and <c>keys …</c> are the operator's
/// (CONTRACT A6); <c>--help</c>, <c>--version</c> and <c>help COMMAND</c> print and exit 0.
/// </summary>
public static class ZoneApiCommandLine
{
    public static RootCommand Create(Func<string[], Task<int>> serve)
    {
        var root = new RootCommand(
            "ZoneApi, a DNS zone-management REST API. With no command it runs the API; ASP.NET Core settings may follow, "
            + "e.g. --urls http://127.0.0.1:8080 or --ZoneApi:Nameservers:0 ns1.example.net.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(result => HostSettings(result.UnmatchedTokens) is { } settings
            ? serve(settings)
            : Task.FromResult(Refuse(result, $"unknown command or argument '{result.UnmatchedTokens[0]}'")));

        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction((_, ct) => AdminCommands.RunAsync(AdminCommands.MigrateAsync, ct));

        var customer = new Option<string>("--customer") { Description = "The customer the key acts for; made on first use.", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated scopes; default all: zones:read,zones:write,records:read,records:write." };
        var name = new Option<string>("--name") { Description = "A label for people, shown by keys list." };
        var create = new Command("create", "Create an API key and print its secret alone on stdout; it is shown only this once.") { customer, scopes, name };
        create.SetAction((result, ct) => AdminCommands.RunAsync((services, token) => AdminCommands.CreateKeyAsync(
            services, result.GetRequiredValue(customer), result.GetValue(scopes), result.GetValue(name), token), ct));

        var listCustomer = new Option<string>("--customer") { Description = "Only this customer's keys." };
        var list = new Command("list", "List keys: id, prefix, customer, name, scopes, created, status. Never a secret.") { listCustomer };
        list.SetAction((result, ct) => AdminCommands.RunAsync((services, token) => AdminCommands.ListKeysAsync(
            services, result.GetValue(listCustomer), token), ct));

        var reference = new Argument<string>("ID|PREFIX")
        {
            Description = "The key's id (or its first 4+ characters), its prefix as listed (zoneapi_XXXX), or its whole secret.",
        };
        var revoke = new Command("revoke", "Revoke one key; every instance refuses it from then on.") { reference };
        revoke.SetAction((result, ct) => AdminCommands.RunAsync((services, token) => AdminCommands.RevokeKeyAsync(
            services, result.GetRequiredValue(reference), token), ct));

        var keys = new Command("keys", "Manage API keys.") { create, list, revoke };

        var url = new Option<string>("--url") { Description = $"The health URL; default {HealthProbe.DefaultUrl}.", DefaultValueFactory = _ => HealthProbe.DefaultUrl };
        var healthcheck = new Command("healthcheck", "Ask a running API's /v1/health; exit 0 when it answers 200 (for container healthchecks).") { url };
        healthcheck.SetAction((result, ct) => HealthProbe.RunAsync(result.GetValue(url)!, ct));

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(keys);
        root.Subcommands.Add(healthcheck);
        root.Subcommands.Add(HelpCommand(root));
        return root;
    }

    /// <summary><c>help keys create</c> prints what <c>keys create --help</c> does.</summary>
    private static Command HelpCommand(RootCommand root)
    {
        var path = new Argument<string[]>("COMMAND") { Description = "The command to explain, e.g. keys create.", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Explain a command.") { path };
        help.SetAction(result => root.Parse([.. result.GetValue(path) ?? [], "--help"]).Invoke());
        return help;
    }

    /// <summary>
    /// What the root command does not know goes to ASP.NET Core as configuration, so it must look like settings:
    /// <c>--key value</c> or <c>--key=value</c>. Anything else is a mistyped command, which must not start a server.
    /// </summary>
    private static string[]? HostSettings(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].StartsWith("--", StringComparison.Ordinal) || tokens[i].Length == 2)
            {
                return null;
            }

            if (!tokens[i].Contains('=', StringComparison.Ordinal))
            {
                i++; // its value
            }
        }

        return [.. tokens];
    }

    /// <summary>A usage error: one line on stderr, exit code 2, and nothing started.</summary>
    private static int Refuse(ParseResult result, string problem)
    {
        result.InvocationConfiguration.Error.WriteLine($"zoneapi: {problem}; see --help");
        return 2;
    }
}
