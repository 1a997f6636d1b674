using ZoneApi.Dns;

namespace ZoneApi.Tests.Dns;

public sealed class SoaSerialTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void First_IsTodaysFirstSerial() => Assert.Equal(2026112101L, SoaSerial.First(Today));

    [Theory]
    [InlineData(2026112101L, 2026112102L)] // another change today
    [InlineData(2026111907L, 2026112101L)] // first change of a new day
    [InlineData(2026112199L, 2026112200L)] // the 100th change of a day borrows from tomorrow, still increasing
    [InlineData(2026120305L, 2026120306L)] // the clock went back: never decrease
    public void Next_AlwaysIncreases(long current, long expected) => Assert.Equal(expected, SoaSerial.Next(current, Today));
}
