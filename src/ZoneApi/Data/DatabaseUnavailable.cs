using System.Net.Sockets;
using Npgsql;

namespace ZoneApi.Data;

/// <summary>
/// Recognises PostgreSQL's "not now" answers (CONTRACT A7): failures that say nothing about the request and
/// go away by themselves, which clients should retry (503 with Retry-After), never a 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Contention: the same request will probably pass in a moment.</summary>
    public const int BusyRetryAfterSeconds = 1;

    /// <summary>The server is down, restarting or full: give it a few seconds.</summary>
    public const int DownRetryAfterSeconds = 5;

    /// <summary>SQLSTATEs (PostgreSQL appendix A) after which the whole transaction was rolled back and nothing was written.</summary>
    private static readonly HashSet<string> RolledBackAndRetryable =
    [
        PostgresErrorCodes.SerializationFailure, // 40001
        PostgresErrorCodes.DeadlockDetected, // 40P01
        PostgresErrorCodes.AdminShutdown, // 57P01
    ];

    /// <summary>The Retry-After to send when <paramref name="exception"/> (or one it wraps) is a "not now"; null otherwise.</summary>
    public static int? RetryAfterSeconds(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return RetryAfterFor(postgres.SqlState);
                case NpgsqlException { IsTransient: true } or SocketException or IOException:
                    return DownRetryAfterSeconds;
                case TimeoutException:
                    return BusyRetryAfterSeconds; // waiting for a pooled connection, or a command timeout
            }
        }

        return null;
    }

    /// <summary>
    /// True when the failure is known to have rolled the whole transaction back on the server (serialization
    /// failure, deadlock, administrator shutdown), so running it again on a fresh connection is safe.
    /// </summary>
    public static bool IsRolledBackAndRetryable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return RolledBackAndRetryable.Contains(postgres.SqlState);
            }
        }

        return false;
    }

    private static int? RetryAfterFor(string sqlState) => sqlState switch
    {
        // 08: connection exceptions; 57P01-03: admin shutdown, crash shutdown, cannot connect now (starting up).
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => DownRetryAfterSeconds,
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => DownRetryAfterSeconds,
        // 53300 too many connections, 53400 configuration limit exceeded.
        PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ConfigurationLimitExceeded => DownRetryAfterSeconds,
        // 55P03 lock_timeout, 57014 statement_timeout or a cancel we sent, 40001 and 40P01 lost a race.
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => BusyRetryAfterSeconds,
        _ => null,
    };
}
