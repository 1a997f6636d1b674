namespace ZoneApi.Tests.Infrastructure;

/// <summary>
/// A test app's database holds zones that BIND would not load (<see cref="ServableZonesCheck"/>). Its own type so that
/// even dotnet test's minimal output, which prints only the type of a class cleanup failure, says what failed.
/// </summary>
public sealed class ZonesRefusedByBindException(string message) : Xunit.Sdk.XunitException(message);
