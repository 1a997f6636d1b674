using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Testcontainers.PostgreSql;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// PostgreSQL in a container started through Testcontainers.PostgreSql, from a locally built image (no registry is
/// needed: .ci/build-postgres-image makes it). Ryuk, Testcontainers' reaper, is off by default (its image would have to
/// be pulled), so this class removes its container itself: when disposed, and through a watchdog when the test
/// process dies without disposing it; the label lets .ci/run remove what a killed run left anyway.
/// </summary>
public sealed class TestcontainersPostgresServer : ITestPostgresServer
{
    public const string DefaultImage = "zoneapi-test-postgres:15";

    public const string Label = "org.zoneapi.test-postgres";

    private readonly PostgreSqlContainer _container;
    private readonly string _image;

    private TestcontainersPostgresServer(PostgreSqlContainer container, string image)
    {
        _container = container;
        _image = image;
    }

    public string Description =>
        $"Testcontainers image {_image}, container {_container.Id[..12]} ({_container.Hostname}:{_container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)})";

    /// <summary>Testcontainers reads its settings from the environment once, so this must run before it is first used.</summary>
    public static void Configure(DockerEngine engine)
    {
        Environment.SetEnvironmentVariable("DOCKER_HOST", engine.Endpoint);
        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is not { Length: > 0 } && engine.ApiVersionForTestcontainers() is { } version)
        {
            Environment.SetEnvironmentVariable("DOCKER_API_VERSION", version);
        }

        if (Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        }
    }

    public static async Task<TestcontainersPostgresServer> StartAsync(string image)
    {
        var container = new PostgreSqlBuilder(image)
            .WithUsername("zoneapi")
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))
            .WithDatabase("postgres")
            .WithLabel(Label, "true")
            // As many as the local cluster allows: many test classes run at once, each with its pools.
            .WithCommand("-c", "max_connections=300")
            .Build();
        try
        {
            await container.StartAsync();
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        StartWatchdog(container.Id);
        return new TestcontainersPostgresServer(container, image);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { Database = database }.ConnectionString;

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    /// <summary>
    /// A shell in a session of its own (so neither Ctrl+C nor a killed process group reaches it) that removes the
    /// container once this process has gone, however it went. Without the docker CLI it does nothing.
    /// </summary>
    private static void StartWatchdog(string containerId)
    {
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            command -v docker || exit 0
            while kill -0 "$1"; do sleep 1; done
            docker rm -f -v "$2"
            """;
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--fork", "sh", "-c", Script, "zoneapi-container-watchdog",
                     Environment.ProcessId.ToString(CultureInfo.InvariantCulture), containerId])
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start);
    }
}
