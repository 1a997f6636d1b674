using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ZoneApi.Hosting;

/// <summary>The startup failures an operator can fix, each told in one line; anything else is a bug and keeps its stack trace.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        DatabaseStartupException or OptionsValidationException => exception.Message,
        // Kestrel: "Failed to bind to address http://127.0.0.1:5080: address already in use."
        IOException { InnerException: AddressInUseException } => exception.Message.TrimEnd('.') + "; stop what uses it or choose another with --urls",
        // The configuration binder: "Failed to convert configuration value 'abc' at 'ZoneApi:DatabaseTimeoutSeconds' to type …".
        InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            exception.Message.TrimEnd('.'),
        _ => null,
    };
}
