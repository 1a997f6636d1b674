namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server one test process shares: a Testcontainers container, a throwaway local cluster, or a
/// server named by ZONEAPI_TEST_POSTGRES. Its login may create databases; disposing it removes what it started.
/// </summary>
public interface ITestPostgresServer : IAsyncDisposable
{
    /// <summary>What runs, for the line the test output shows at start ("Testcontainers image …", "local cluster in …").</summary>
    string Description { get; }

    string ConnectionStringFor(string database);
}
