using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZoneApi.Limits;

/// <summary>
/// How many requests of one customer run at once (ZoneApi:ConcurrentRequestsPerCustomer), with a bounded queue
/// behind them: one customer's burst of writes waits in its own line instead of taking every pooled connection,
/// so other customers' requests still find one (CONTRACT A7, "one tenant slows everyone").
/// </summary>
public sealed class CustomerConcurrency(IOptions<DatabaseLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(customer =>
        RateLimitPartition.GetConcurrencyLimiter(customer, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.Value.ConcurrentRequestsPerCustomer,
            QueueLimit = limits.Value.QueuedRequestsPerCustomer,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    public int PermitLimit => limits.Value.ConcurrentRequestsPerCustomer;

    public int QueueLimit => limits.Value.QueuedRequestsPerCustomer;

    /// <summary>A slot for the customer; not acquired when its queue is full. Waiting ends with the request's deadline.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string customerId, CancellationToken ct) => _limiter.AcquireAsync(customerId, 1, ct);

    public void Dispose() => _limiter.Dispose();
}
