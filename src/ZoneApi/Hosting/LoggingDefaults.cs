using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace ZoneApi.Hosting;

/// <summary>
/// Console log settings as defaults under every other source: a binary started from another folder finds no
/// appsettings.json, and its logs must still be one line per entry with the request id. appsettings.json,
/// Logging__Console__* environment variables and the command line override them, for example
/// Logging__Console__FormatterName=json for one JSON object per line.
/// </summary>
public static class LoggingDefaults
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        // Named explicitly: with no name, the console logger ignores FormatterOptions for its deprecated settings.
        ["Logging:Console:FormatterName"] = "simple",
        // Shared by the simple and json formatters. Scopes carry the request id to every line of a request.
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
    };

    public static void AddTo(WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        // The simple formatter needs the space after the timestamp; a JSON "Timestamp" field does not.
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(json => json.TimestampFormat = json.TimestampFormat?.TrimEnd());
    }
}
