namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// A test app's database serves PowerDNS rows that its records do not say, or misses some (<see cref="ServedRowsCheck"/>).
/// Its own type so that dotnet test's minimal output, which prints only the type of a class cleanup failure, says what failed.
/// </summary>
public sealed class ServedRowsDifferException(string message) : Xunit.Sdk.XunitException(message);
