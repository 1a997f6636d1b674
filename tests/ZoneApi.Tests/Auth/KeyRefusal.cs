using System.Diagnostics;
using System.Net;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Auth;

/// <summary>
/// CONTRACT A6: a revoked or expired key stops working on every instance within one second. An instance may trust a
/// key it read less than a second ago, so a test asks again until the key is refused, and fails if it still works
/// one second after the revocation returned.
/// </summary>
internal static class KeyRefusal
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Asks <paramref name="client"/> for its zones until the key is refused with 401; <paramref name="since"/> is when
    /// the revocation returned. Returns how long after it the refusal came.
    /// </summary>
    public static async Task<TimeSpan> AssertRefusedWithinOneSecondAsync(HttpClient client, Stopwatch since)
    {
        while (true)
        {
            var asked = since.Elapsed;
            var response = await client.GetAsync("/v1/zones");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
                return asked;
            }

            await response.AssertSuccessAsync(HttpStatusCode.OK);
            Assert.True(asked < Bound, $"the key still worked {asked.TotalMilliseconds:F0} ms after it was revoked");
            await Task.Delay(50);
        }
    }
}
