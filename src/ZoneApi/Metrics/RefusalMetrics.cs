using System.Diagnostics.Metrics;

namespace ZoneApi.Metrics;

/// <summary>
/// The API's own meter: writes refused by the rules, counted by error code. The only label is the code, a
/// constant from ErrorCodes, so no zone name, record or key can reach a scrape.
/// </summary>
public sealed class RefusalMetrics
{
    public const string MeterName = "ZoneApi";

    private readonly Counter<long> _refusals;

    public RefusalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _refusals = meter.CreateCounter<long>("zoneapi.write.refusals", unit: "{refusal}",
            description: "Zone and record writes refused, by error code.");
    }

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("code", code));
}
