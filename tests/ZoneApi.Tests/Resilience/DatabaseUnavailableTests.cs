using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZoneApi.Data;

namespace ZoneApi.Tests.Resilience;

/// <summary>
/// Which PostgreSQL answers are "not now" (503 with Retry-After) rather than bugs (500). The outage tests show
/// the common ones end to end; this table covers the SQLSTATEs that are hard to provoke on demand.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    [InlineData("53400")] // configuration limit exceeded
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now
    [InlineData("55P03")] // lock_timeout
    [InlineData("57014")] // statement_timeout, or a cancel
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    public void RetryAfterSeconds_ForANotNowSqlState_IsAtLeastOneSecond(string sqlState)
    {
        var wrapped = new DbUpdateException("save failed", Postgres(sqlState));

        Assert.True(DatabaseUnavailable.RetryAfterSeconds(wrapped) >= 1);
    }

    [Theory]
    [InlineData("23505")] // unique violation: the service turns it into a 409, anything left over is a bug
    [InlineData("42P01")] // undefined table: a bug
    [InlineData("22021")] // bad encoding: a bug in validation
    public void RetryAfterSeconds_ForABug_IsNull(string sqlState)
    {
        Assert.Null(DatabaseUnavailable.RetryAfterSeconds(new DbUpdateException("save failed", Postgres(sqlState))));
    }

    [Fact]
    public void RetryAfterSeconds_ForARefusedConnectionOrAPoolTimeout_IsAtLeastOneSecond()
    {
        Assert.True(DatabaseUnavailable.RetryAfterSeconds(new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused))) >= 1);
        Assert.True(DatabaseUnavailable.RetryAfterSeconds(new NpgsqlException("pool exhausted", new TimeoutException())) >= 1);
        Assert.Null(DatabaseUnavailable.RetryAfterSeconds(new InvalidOperationException("a bug")));
    }

    [Theory]
    [InlineData("40001", true)]
    [InlineData("40P01", true)]
    [InlineData("57P01", true)]
    [InlineData("55P03", false)] // a lock timeout would only wait again
    [InlineData("23505", false)]
    public void IsRolledBackAndRetryable_OnlyForFailuresThatRolledBackEverything(string sqlState, bool retryable)
    {
        Assert.Equal(retryable, DatabaseUnavailable.IsRolledBackAndRetryable(new DbUpdateException("save failed", Postgres(sqlState))));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
