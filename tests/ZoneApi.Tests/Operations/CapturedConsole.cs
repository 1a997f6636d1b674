using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ZoneApi.Tests.Operations;

/// <summary>
/// What the console would show, line by line: every entry goes through the app's own console formatter (the one
/// Logging:Console:FormatterName names, with the app's formatter options and real scopes), into memory
/// instead of a process-wide stdout that parallel tests would share.
/// </summary>
public sealed class CapturedConsole(IEnumerable<ConsoleFormatter> formatters, IOptions<ConsoleLoggerOptions> options)
    : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter = formatters.Single(f => f.Name == options.Value.FormatterName);
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedConsole console, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => console._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            console._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), console._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                console.Lines.Enqueue(line.TrimEnd('\r'));
            }
        }
    }
}
