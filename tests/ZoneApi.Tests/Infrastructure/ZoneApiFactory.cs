using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZoneApi.Auth;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// The real app, on Kestrel on a loopback port, against its own database on the test PostgreSQL: requests
/// cross a real socket and every middleware, migration and constraint runs as in production. Subclasses
/// add settings by overriding ConfigureWebHost and calling the base first.
/// </summary>
public class ZoneApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Registered through ZoneApi:BootstrapKey, as an operator would; customer "default", every scope.</summary>
    public const string BootstrapKey = "zoneapi_TestBootstrapKey-0123456789_abcdefghijklmnopq";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        UseKestrel(0);
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        IReadOnlyList<string> refusals = [];
        IReadOnlyList<string> differences = [];
        try
        {
            // Before the app goes: the check exports through the app's own services.
            if (ServableZonesCheck.Enabled && ConnectionString.Length > 0)
            {
                refusals = await ServableZonesCheck.RefusalsAsync(this);
            }

            if (ConnectionString.Length > 0)
            {
                differences = await ServedRowsCheck.DifferencesAsync(ConnectionString);
            }
        }
        finally
        {
            await DisposeAsync();
        }

        if (differences.Count > 0)
        {
            throw new ServedRowsDifferException($"pdns.records differs from what the records say ({differences.Count} row(s), at most 20 each way):\n{string.Join("\n", differences)}");
        }

        if (refusals.Count > 0)
        {
            throw new ZonesRefusedByBindException($"{refusals.Count} zone(s) that BIND would not load (details: dotnet test --logger \"console;verbosity=normal\"):\n\n{string.Join("\n\n", refusals)}");
        }
    }

    /// <summary>A client whose requests carry the bootstrap key.</summary>
    public HttpClient CreateAuthenticatedClient() => CreateClientWithKey(BootstrapKey);

    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates a key the way `keys create` does, for a customer of the test's choosing.</summary>
    public async Task<string> CreateKeyAsync(string customer, params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(customer, scopes.Length > 0 ? scopes : Scopes.All, "test", CancellationToken.None);
        return key.Secret;
    }

    /// <summary>Reads the database directly, for state the API does not expose (yet): stored hashes, apex records.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Zones", ConnectionString);
        builder.UseSetting("ZoneApi:BootstrapKey", BootstrapKey);
        builder.UseSetting("ZoneApi:MaxRequestBodyBytes", "65536");
        // Tests fire many requests with one key; RateLimitTests has a factory of its own with tiny limits.
        builder.UseSetting("ZoneApi:RateLimits:Enabled", "false");
        // The suite runs many classes at once on a small machine, and races (twenty creates of one name) queue on
        // locks for a while: correctness tests must not fail on timing. The bounds themselves are tested with their
        // own factory and a 2 s bound (Resilience/).
        builder.UseSetting("ZoneApi:DatabaseTimeoutSeconds", "30");
    }
}
