namespace ZoneApi.Quotas;

/// <summary>
/// The ZoneApi:Quotas section (CONTRACT A7): how much one customer may store. 0 means unlimited. The
/// defaults leave room for any ordinary use while bounding what one key can make a server hold.
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "ZoneApi:Quotas";

    /// <summary>Checked at startup (ValidateOnStart): a negative quota is a typo, not a wish.</summary>
    public const string Requirement = $"{Section}:ZonesPerCustomer and {Section}:RecordsPerZone must be 0 (unlimited) or more";

    /// <summary>Zones one customer may hold.</summary>
    public int ZonesPerCustomer { get; set; } = 1000;

    /// <summary>Records one zone may hold, counting every value, the SOA and the server's NS records included.</summary>
    public int RecordsPerZone { get; set; } = 10000;

    public bool IsValid => ZonesPerCustomer >= 0 && RecordsPerZone >= 0;
}
