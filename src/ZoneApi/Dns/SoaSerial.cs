namespace ZoneApi.Dns;

/// <summary>
/// Date-based SOA serials, YYYYMMDDnn (RFC 1912 §2.2). Secondaries only transfer a zone when the serial
/// grows (RFC 1982), so the next serial is never lower than the current one plus one, even after a
/// hundred changes in one day or a clock that went backwards.
/// </summary>
public static class SoaSerial
{
    public static long First(DateOnly today) => DayBase(today) + 1;

    public static long Next(long current, DateOnly today) => Math.Max(current + 1, DayBase(today) + 1);

    private static long DayBase(DateOnly today) => ((today.Year * 100L + today.Month) * 100L + today.Day) * 100L;
}
