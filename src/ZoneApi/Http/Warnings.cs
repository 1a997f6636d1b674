namespace ZoneApi.Http;

/// <summary>A write that succeeded but is risky: <c>data.warnings[]</c>.</summary>
public sealed record Warning(string Code, string Message);

/// <summary>The warning codes. Like error codes, they are never renamed.</summary>
public static class WarningCodes
{
    public const string CnameChain = "CNAME_CHAIN";
    public const string TargetDoesNotResolve = "TARGET_DOES_NOT_RESOLVE";

    public static readonly IReadOnlyList<string> All = [CnameChain, TargetDoesNotResolve];
}

/// <summary>Omitted from JSON when there is nothing in it: "absent when empty".</summary>
public static class WarningList
{
    public static IReadOnlyList<Warning>? OrNull(IReadOnlyList<Warning> warnings) => warnings.Count == 0 ? null : warnings;
}
