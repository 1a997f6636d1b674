namespace ZoneApi.Zones;

/// <summary>The allowed values of a zone's type, region and status (CONTRACT A5), and their input aliases.</summary>
public static class ZoneSettings
{
    public const string DefaultType = "master";
    public const string DefaultRegion = "EU_GLOBAL";
    public const string DefaultStatus = "active";

    public static readonly IReadOnlyList<string> Types = ["master", "slave"];
    public static readonly IReadOnlyList<string> Regions = ["EU", "GLOBAL", "EU_GLOBAL"];
    public static readonly IReadOnlyList<string> Statuses = ["active", "paused", "pending", "error"];

    /// <summary>PowerDNS's zone kinds; DNSControl sends "primary", so the modern names are aliases.</summary>
    public static string? NormalizeType(string? value) => value?.ToLowerInvariant() switch
    {
        "master" or "primary" => "master",
        "slave" or "secondary" => "slave",
        _ => null,
    };

    public static string? NormalizeRegion(string? value) =>
        Regions.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));

    public static string? NormalizeStatus(string? value) =>
        Statuses.FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
