using Microsoft.AspNetCore.Hosting;

namespace ZoneApi.Tests.Resilience;

/// <summary>An <see cref="OutageApiFactory"/> where each customer runs one request at a time, with one more waiting.</summary>
public sealed class OneSlotApiFactory : OutageApiFactory
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("ZoneApi:ConcurrentRequestsPerCustomer", "1");
        builder.UseSetting("ZoneApi:QueuedRequestsPerCustomer", "1");
    }
}
