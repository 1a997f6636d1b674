namespace ZoneApi.Tests.Operations;

/// <summary>Waits for the lines of one request: the access line is written as the response completes, not before.</summary>
public static class AccessLog
{
    public const string Category = "ZoneApi.Http.AccessLogMiddleware";

    public static async Task<IReadOnlyList<string>> LinesOfAsync(CapturedConsole console, string requestId, Func<string, bool> isAccessLine)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lines = console.Lines.Where(l => l.Contains(requestId, StringComparison.Ordinal)).ToList();
            if (lines.Any(isAccessLine))
            {
                return lines;
            }

            await Task.Delay(100);
        }

        return [];
    }
}
