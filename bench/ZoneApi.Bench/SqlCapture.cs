using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZoneApi.Bench;

/// <summary>
/// Records the commands EF Core executes while switched on, so the report can show the SQL the app
/// really sends for a page. Off (and nearly free) while the benchmarks run.
/// </summary>
public sealed class SqlCapture : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly ConcurrentQueue<string> _commands = new();
    private volatile bool _on;

    public void Start()
    {
        _commands.Clear();
        _on = true;
    }

    public IReadOnlyList<string> Stop()
    {
        _on = false;
        return [.. _commands];
    }

    public ILogger CreateLogger(string categoryName) => new CaptureLogger(this);

    public void Dispose()
    {
    }

    private sealed class CaptureLogger(SqlCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner._on;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101 is RelationalEventId.CommandExecuted: "Executed DbCommand (1ms) [Parameters=...]" and the SQL.
            if (owner._on && eventId.Id == 20101)
            {
                owner._commands.Enqueue(formatter(state, exception));
            }
        }
    }
}
