using System.Globalization;

namespace ZoneApi.Tests.ScaleOut;

/// <summary>Two instances on one database, both with quotas small enough to reach in a test.</summary>
public sealed class TwoApiInstancesWithSmallQuotas : TwoApiInstances
{
    public const int ZonesPerCustomer = 4;

    /// <summary>A new zone holds 3 (SOA, ns1, ns2), so 5 more fit.</summary>
    public const int RecordsPerZone = 8;

    protected override (string Key, string Value)[] ExtraSettings =>
    [
        ("ZoneApi:Quotas:ZonesPerCustomer", ZonesPerCustomer.ToString(CultureInfo.InvariantCulture)),
        ("ZoneApi:Quotas:RecordsPerZone", RecordsPerZone.ToString(CultureInfo.InvariantCulture)),
    ];
}
