namespace ZoneApi.Auth;

/// <summary>Key scopes (CONTRACT A6, B5.3) and the policies routes ask for.</summary>
public static class Scopes
{
    public const string ZonesRead = "zones:read";
    public const string ZonesWrite = "zones:write";
    public const string RecordsRead = "records:read";
    public const string RecordsWrite = "records:write";

    public static readonly IReadOnlyList<string> All = [ZonesRead, ZonesWrite, RecordsRead, RecordsWrite];

    /// <summary>
    /// Each policy is named after the scope it adds; every zone route, record routes included, also needs
    /// zones:read, and writes do not additionally need the read scope (CONTRACT B5.3's recommendation).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Policies = new Dictionary<string, string[]>
    {
        [ZonesRead] = [ZonesRead],
        [ZonesWrite] = [ZonesRead, ZonesWrite],
        [RecordsRead] = [ZonesRead, RecordsRead],
        [RecordsWrite] = [ZonesRead, RecordsWrite],
    };
}
