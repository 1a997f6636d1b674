namespace ZoneApi.Hosting;

/// <summary>
/// The environment to run in. `dotnet run` applies launchSettings.json's variables over the shell's, so a profile that
/// set ASPNETCORE_ENVIRONMENT would turn `ASPNETCORE_ENVIRONMENT=Production dotnet run` into Development. The profile
/// sets ZONEAPI_LAUNCH_ENVIRONMENT instead, which counts only when neither standard variable is set.
/// </summary>
public static class LaunchEnvironment
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
            ? null // the host reads them itself
            : Environment.GetEnvironmentVariable("ZONEAPI_LAUNCH_ENVIRONMENT") is { Length: > 0 } launch ? launch : null,
    };
}
