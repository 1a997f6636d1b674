using System.CommandLine;
using System.Globalization;
using ZoneApi.Hosting;

// ICU is on for IdnMapping (Directory.Build.props); numbers, messages and comparisons stay those of the
// invariant culture whatever LANG the machine has, as they were under invariant globalization.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

// With no command the executable runs the API; `migrate`, `keys …`, `--help` and `--version` are the operator's.
var invocation = new InvocationConfiguration
{
    // Failures are reported below in one line; the host handles Ctrl+C and SIGTERM itself.
    EnableDefaultExceptionHandler = false,
    ProcessTerminationTimeout = null,
};
try
{
    return await ZoneApiCommandLine.Create(ServeAsync).Parse(args).InvokeAsync(invocation);
}
catch (Exception e) when (StartupFailure.Describe(e) is { } reason)
{
    // One line that says what to fix, not a stack trace.
    await Console.Error.WriteLineAsync($"zoneapi: cannot start: {reason}");
    return 1;
}

static async Task<int> ServeAsync(string[] settings)
{
    var builder = WebApplication.CreateBuilder(LaunchEnvironment.Options(settings));
    builder.AddZoneApi();
    await using var app = builder.Build();
    app.UseZoneApi();
    StartupBanner.PrintWhenStarted(app);
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, named for WebApplicationFactory&lt;Program&gt; in the tests.</summary>
public partial class Program;
