using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// The Docker engine the Testcontainers path would use (DOCKER_HOST, else /var/run/docker.sock), asked directly over
/// its HTTP API: whether it answers at all, which API version it speaks and whether it holds the test image. Asking
/// first, rather than letting Testcontainers fail, is what lets `./test.sh` fall back quietly to a local cluster.
/// </summary>
public sealed class DockerEngine : IDisposable
{
    private readonly HttpClient _http;

    private DockerEngine(string endpoint, HttpClient http, Version apiVersion)
    {
        Endpoint = endpoint;
        _http = http;
        ApiVersion = apiVersion;
    }

    public static string DefaultEndpoint =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    public string Endpoint { get; }

    public Version ApiVersion { get; }

    /// <summary>The engine at <paramref name="endpoint" />, or null with the reason when nothing usable answers there.</summary>
    public static async Task<(DockerEngine? Engine, string Problem)> FindAsync(string endpoint)
    {
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(endpoint["unix://".Length..]))
        {
            return (null, $"no Docker engine: {endpoint} does not exist");
        }

        var http = CreateClient(endpoint);
        if (http is null)
        {
            return (null, $"{endpoint} is neither unix:// nor tcp://");
        }

        try
        {
            var version = await http.GetFromJsonAsync<VersionResponse>("version");
            var apiVersion = Version.Parse(version?.ApiVersion ?? "");
            return (new DockerEngine(endpoint, http, apiVersion), "");
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException
                                      or JsonException or FormatException or ArgumentException)
        {
            http.Dispose();
            return (null, $"no Docker engine answers at {endpoint} ({e.Message})");
        }
    }

    public async Task<bool> HasImageAsync(string image)
    {
        using var response = await _http.GetAsync(new Uri($"images/{image}/json", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// Testcontainers asks for API 1.44 unless DOCKER_API_VERSION says otherwise, and an older engine (Debian 12's
    /// dockerd 20.10 speaks 1.41) refuses every such call; so an older engine's own version is what it gets.
    /// </summary>
    public string? ApiVersionForTestcontainers() =>
        ApiVersion < new Version(1, 44) ? ApiVersion.ToString(2) : null;

    public void Dispose() => _http.Dispose();

    private static HttpClient? CreateClient(string endpoint)
    {
        var timeout = TimeSpan.FromSeconds(5);
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socketPath = endpoint["unix://".Length..];
            var handler = new SocketsHttpHandler { ConnectCallback = (_, ct) => ConnectUnixAsync(socketPath, ct) };
            return new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = timeout };
        }

        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var address = endpoint["tcp://".Length..].TrimEnd('/');
            return new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{address}/")), Timeout = timeout };
        }

        return null;
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string socketPath, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The part of GET /version that matters here.</summary>
    private sealed record VersionResponse(string? ApiVersion);
}
