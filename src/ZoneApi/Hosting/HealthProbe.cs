namespace ZoneApi.Hosting;

/// <summary>
/// `ZoneApi healthcheck`: asks a running API's /v1/health and exits 0 when it answers 200. The ASP.NET Core runtime
/// image has no curl or wget, so the container's healthcheck (docker-compose.yml) uses the executable itself.
/// </summary>
public static class HealthProbe
{
    public const string DefaultUrl = "http://127.0.0.1:8080/v1/health";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"zoneapi: '{url}' is not an http(s) URL");
            return 2;
        }

        using var client = new HttpClient { Timeout = Patience };
        try
        {
            using var response = await client.GetAsync(uri, ct);
            Console.WriteLine($"{(int)response.StatusCode} from {uri}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"zoneapi: no answer from {uri}: {e.GetBaseException().Message}");
            return 1;
        }
    }
}
