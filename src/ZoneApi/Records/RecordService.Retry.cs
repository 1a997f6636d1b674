using ZoneApi.Data;
using ZoneApi.Zones;

namespace ZoneApi.Records;

public sealed partial class RecordService
{
    /// <summary>
    /// <see cref="InLockedZoneOnceAsync"/>, run a second time when the first run's transaction was rolled back by
    /// a deadlock, serialization failure or terminated session (<see cref="RetryOnRollback"/>).
    /// </summary>
    private Task<RecordResult> InLockedZoneAsync(Guid customerId, Guid zoneId, Func<Zone, Task<RecordResult>> work, CancellationToken ct) =>
        RetryOnRollback.RunAsync(db, () => InLockedZoneOnceAsync(customerId, zoneId, work, ct), ct);
}
