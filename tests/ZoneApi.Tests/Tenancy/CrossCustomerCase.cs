using System.Net;

namespace ZoneApi.Tests.Tenancy;

/// <summary>
/// Data one customer (the holder) stores that the rules used to hold against another customer (the writer), and
/// the writer's write that must now pass with <see cref="Status"/> and no warnings.
/// </summary>
public sealed record CrossCustomerCase(
    Func<Tenant, Tenant, Task> Arrange,
    Func<Tenant, Tenant, Task<HttpResponseMessage>> Act,
    HttpStatusCode Status = HttpStatusCode.Created);
