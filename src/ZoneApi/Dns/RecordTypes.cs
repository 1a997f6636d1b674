namespace ZoneApi.Dns;

/// <summary>The record types ZoneApi serves (CONTRACT B9.1, B12) and the rules that hang on a type.</summary>
public static class RecordTypes
{
    public const string A = "A";
    public const string Aaaa = "AAAA";
    public const string Alias = "ALIAS";
    public const string Caa = "CAA";
    public const string Cname = "CNAME";
    public const string Https = "HTTPS";
    public const string Mx = "MX";
    public const string Naptr = "NAPTR";
    public const string Ns = "NS";
#pragma warning disable CA1720 // the DNS type PTR (RFC 1035 §3.3.12), not a pointer
    public const string Ptr = "PTR";
#pragma warning restore CA1720
    public const string Soa = "SOA";
    public const string Srv = "SRV";
    public const string Sshfp = "SSHFP";
    public const string Svcb = "SVCB";
    public const string Tlsa = "TLSA";
    public const string Txt = "TXT";

    /// <summary>Types a client may create, in the order error messages list them.</summary>
    public static IReadOnlyList<string> UserWritable { get; } =
        [A, Aaaa, Alias, Caa, Cname, Https, Mx, Naptr, Ns, Ptr, Srv, Sshfp, Svcb, Tlsa, Txt];

    /// <summary>Every type that may appear in a zone, including the system-managed SOA.</summary>
    public static IReadOnlyList<string> All { get; } = [.. UserWritable, Soa];

    /// <summary>Upper-cases a type as clients may send it in any case; null when it is not one we know.</summary>
    public static string? Normalize(string? type) =>
        type is null ? null : All.FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>CNAME and ALIAS both stand for another name's data, so they follow the same coexistence and loop rules.</summary>
    public static bool IsAliasLike(string? type) => Normalize(type) is Cname or Alias;

    /// <summary>RFC 2181 §10.3 (MX, NS) and RFC 2782 (SRV): the target must not be an alias.</summary>
    public static bool TargetsMustNotBeCname(string? type) => Normalize(type) is Mx or Ns or Srv;
}
