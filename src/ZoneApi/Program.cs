using System.Globalization;
using Microsoft.Extensions.Options;
using ZoneApi.Hosting;

// ICU is on for IdnMapping (Directory.Build.props); numbers, messages and comparisons stay those of the
// invariant culture whatever LANG the machine has, as they were under invariant globalization.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

// `ZoneApi migrate` and `ZoneApi keys create ...` are admin commands; anything else runs the API.
var adminCommand = AdminCommands.IsAdminCommand(args);
var builder = WebApplication.CreateBuilder(adminCommand ? [] : args);
if (adminCommand)
{
    // Keep stdout for the command's answer (a key's secret); logs go to stderr.
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.AddZoneApi();
try
{
    var app = builder.Build();
    if (adminCommand)
    {
        return await AdminCommands.RunAsync(args, app.Services);
    }

    app.UseZoneApi();
    StartupBanner.PrintWhenStarted(app);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is DatabaseStartupException or OptionsValidationException)
{
    // One line that says what to fix, not a stack trace.
    await Console.Error.WriteLineAsync($"zoneapi: cannot start: {e.Message}");
    return 1;
}

/// <summary>The entry point, named for WebApplicationFactory&lt;Program&gt; in the tests.</summary>
public partial class Program;
