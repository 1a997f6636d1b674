using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Hosting;

/// <summary>
/// The suite runs on the PostgreSQL that ZONEAPI_TEST_POSTGRES_MODE asks for: CI sets testcontainers, and a fixture
/// that quietly used a local cluster instead would prove nothing about the Testcontainers path.
/// </summary>
public sealed class TestPostgresServerTests
{
    private const string ContainerDataDirectory = "/var/lib/postgresql/data";

    [Fact]
    public async Task DataDirectory_ForTheModeAsked_IsThatServers()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();

        var dataDirectory = await DataDirectoryAsync(connectionString);

        var localCluster = Path.Combine(Path.GetTempPath(), "zoneapi-tests-");
        if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES") is { Length: > 0 })
        {
            Assert.False(string.IsNullOrEmpty(dataDirectory)); // somebody else's server: any folder
        }
        else if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES_MODE") == "testcontainers")
        {
            Assert.Equal(ContainerDataDirectory, dataDirectory);
        }
        else if (Environment.GetEnvironmentVariable("ZONEAPI_TEST_POSTGRES_MODE") == "local")
        {
            Assert.StartsWith(localCluster, dataDirectory, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(dataDirectory == ContainerDataDirectory || dataDirectory.StartsWith(localCluster, StringComparison.Ordinal), dataDirectory);
        }
    }

    private static async Task<string> DataDirectoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
        return (string)(await command.ExecuteScalarAsync() ?? "");
    }
}
