namespace ZoneApi.Tests.Infrastructure;

public static class TestNames
{
    /// <summary>A zone name no other test uses, so tests share a database without seeing each other.</summary>
    public static string Zone(string prefix = "z") => $"{prefix}{Guid.NewGuid():N}"[..20] + ".example";
}
