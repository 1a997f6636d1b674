using System.Text.Json;
using System.Text.RegularExpressions;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>Checks that an error message tells a person what is in the way, and reads a response's warnings.</summary>
public static class RuleMessages
{
    /// <summary>The type as a word of its own: the A of "an A record", not the A inside "CNAME" or "ALIAS".</summary>
    public static void AssertNamesType(string message, string type) => AssertHasWord(message, type);

    /// <summary>The chain limit, 8, as a number of its own (not a digit inside a host name).</summary>
    public static void AssertNamesChainLimit(string message) => AssertHasWord(message, "8");

    private static void AssertHasWord(string message, string word) =>
        Assert.True(
            Regex.IsMatch(message, $"(?<![A-Za-z0-9]){Regex.Escape(word)}(?![A-Za-z0-9])"),
            $"expected the message to name {word}: \"{message}\"");

    /// <summary>The host, with or without its trailing dot, in any case.</summary>
    public static void AssertNamesHost(string message, string host) =>
        Assert.True(
            message.Contains(host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase),
            $"expected the message to name {host}: \"{message}\"");

    /// <summary>The codes of <c>data.warnings</c> in order; empty when the member is absent. Fails on an empty array.</summary>
    public static string[] WarningCodes(JsonElement data)
    {
        if (!data.TryGetProperty("warnings", out var warnings))
        {
            return [];
        }

        Assert.True(warnings.GetArrayLength() > 0, "warnings must be absent, not an empty array, when there are none");
        foreach (var warning in warnings.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(warning.Str("message")), $"a warning without a message: {warning}");
        }

        return [.. warnings.EnumerateArray().Select(w => w.Str("code"))];
    }

    /// <summary>No <c>warnings</c> member at all: absent, not null, not an empty array.</summary>
    public static void AssertNoWarnings(JsonElement data) =>
        Assert.False(data.TryGetProperty("warnings", out var warnings), $"expected no warnings member, got {warnings}");
}
