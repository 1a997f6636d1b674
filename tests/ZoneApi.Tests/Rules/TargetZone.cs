namespace ZoneApi.Tests.Rules;

/// <summary>
/// Where the target of an MX, NS or SRV record lives, relative to the record that points at it; always the same
/// customer's zones (another customer's zones are never consulted: Tenancy/RuleIsolationTests).
/// </summary>
public enum TargetZone
{
    SameZone,
    OtherZoneOfSameCustomer,
}
