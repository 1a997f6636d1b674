namespace ZoneApi.Tests.Rules;

/// <summary>Where the target of an MX, NS or SRV record lives, relative to the record that points at it.</summary>
public enum TargetZone
{
    SameZone,
    OtherZoneOfSameCustomer,
    ZoneOfAnotherCustomer,
}
