using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Tenancy;

public static class AliasChains
{
    /// <summary>
    /// <c>p1 → p2 → … → p(hops+1)</c>, built from the end so every hop exists before one points at it; the
    /// last hop goes to <paramref name="end"/> when given.
    /// </summary>
    public static async Task AddAsync(TestZone zone, string prefix, int hops, string? end = null)
    {
        for (var i = hops; i >= 1; i--)
        {
            await zone.AddAsync($"{prefix}{i}", "CNAME", i == hops && end is not null ? end : zone.Fqdn($"{prefix}{i + 1}"));
        }
    }
}
