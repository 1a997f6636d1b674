using Npgsql;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>A server somebody else runs (ZONEAPI_TEST_POSTGRES): used as it is, and left running.</summary>
public sealed class ConfiguredPostgresServer(string connectionString) : ITestPostgresServer
{
    public string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"ZONEAPI_TEST_POSTGRES ({builder.Host}:{builder.Port}, user {builder.Username})";
        }
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
