using System.Net;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// A write that the writer's own data makes refused (<see cref="Status"/> 4xx, <see cref="Code"/> the error code)
/// or warned (<see cref="Status"/> 2xx, <see cref="Code"/> the one warning): what the writer stores first, then
/// the request. The other customer is there to be left out of the answer.
/// </summary>
public sealed record OwnRuleCase(
    HttpStatusCode Status,
    string Code,
    Func<Tenant, Task> Arrange,
    Func<Tenant, Tenant, Task<HttpResponseMessage>> Act);
