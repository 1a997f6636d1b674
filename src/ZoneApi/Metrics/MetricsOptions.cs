namespace ZoneApi.Metrics;

/// <summary>ZoneApi:Metrics: the Prometheus scrape endpoint.</summary>
public sealed class MetricsOptions
{
    public const string Section = "ZoneApi:Metrics";

    public const string Requirement = "ZoneApi:Metrics:Path must be a path such as /metrics, outside /v1 and /swagger.";

    /// <summary>False removes the endpoint and stops collecting.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the scrape endpoint answers. It needs no key and is not rate limited, so an operator who does not
    /// want it reachable by everyone who reaches the API moves it to an unguessable path or blocks it at the proxy.
    /// </summary>
    public string Path { get; set; } = "/metrics";

    public bool IsValid =>
        Path.Length > 1 && Path[0] == '/'
        && !Path.StartsWith("/v1", StringComparison.OrdinalIgnoreCase) && !Path.StartsWith("/swagger", StringComparison.OrdinalIgnoreCase)
        && Path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');
}
