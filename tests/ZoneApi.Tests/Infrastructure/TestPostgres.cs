using Npgsql;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run, shared by every test class and removed when the test process exits:
/// ZONEAPI_TEST_POSTGRES (a connection string whose user may create databases) when set; otherwise, as
/// ZONEAPI_TEST_POSTGRES_MODE says (auto by default), a Testcontainers container of ZONEAPI_TEST_POSTGRES_IMAGE when
/// a Docker engine answers and holds that image, else a throwaway local cluster. The choice is printed once.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<ITestPostgresServer>> Server = new(StartAsync);

    /// <summary>A new, empty database for one test class; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "zoneapi_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionStringFor(name);
    }

    private static async Task<ITestPostgresServer> StartAsync()
    {
        var (server, note) = await ChooseAsync();
        var line = $"test PostgreSQL: {server.Description}{note}";
        await Console.Error.WriteLineAsync(line);
        // dotnet test shows a test host's output only from verbosity normal up; test.sh names this file and prints it
        // after the run, so every run says which server it ran on.
        if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, line + "\n");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<(ITestPostgresServer Server, string Note)> ChooseAsync()
    {
        if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return (new ConfiguredPostgresServer(configured), "");
        }

        var mode = Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES_MODE") is { Length: > 0 } set ? set : "auto";
        if (mode == "local")
        {
            return (await LocalClusterPostgresServer.StartAsync(), " (ZONEAPI_TEST_POSTGRES_MODE=local)");
        }

        if (mode is not ("auto" or "testcontainers"))
        {
            throw new InvalidOperationException($"ZONEAPI_TEST_POSTGRES_MODE is '{mode}'; use auto, local or testcontainers.");
        }

        var image = Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES_IMAGE") is { Length: > 0 } named
            ? named
            : TestcontainersPostgresServer.DefaultImage;
        var (engine, problem) = await DockerEngine.FindAsync(DockerEngine.DefaultEndpoint);
        using (engine)
        {
            if (engine is not null && !await engine.HasImageAsync(image))
            {
                problem = $"the Docker engine at {engine.Endpoint} has no image {image}: build it with .ci/build-postgres-image";
            }
            else if (engine is not null)
            {
                TestcontainersPostgresServer.Configure(engine);
                return (await TestcontainersPostgresServer.StartAsync(image), "");
            }
        }

        if (mode == "testcontainers")
        {
            // CI asks for this mode to prove the Testcontainers path: falling back would prove nothing.
            throw new InvalidOperationException($"ZONEAPI_TEST_POSTGRES_MODE=testcontainers, but {problem}.");
        }

        return (await LocalClusterPostgresServer.StartAsync(), $" ({problem})");
    }
}
