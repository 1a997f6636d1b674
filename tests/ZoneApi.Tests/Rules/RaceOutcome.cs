using System.Net;

namespace ZoneApi.Tests.Rules;

/// <summary>What the API answered to one write of a race.</summary>
public sealed record RaceOutcome(RacingWrite Write, HttpStatusCode Status, string? Code, string? RecordId, string Body)
{
    public bool Won => Status == HttpStatusCode.Created;

    public override string ToString() => $"{Write} → {(int)Status} {Code ?? RecordId}: {Body}";
}
