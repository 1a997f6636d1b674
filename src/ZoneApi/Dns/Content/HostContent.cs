namespace ZoneApi.Dns.Content;

/// <summary>CNAME, ALIAS, NS and PTR: the content is one host name, always absolute (CONTRACT B12).</summary>
internal static class HostContent
{
    public static RecordContentResult Parse(string type, string content)
    {
        // None of these may point at the root: a CNAME or PTR to '.' names nothing, and NS '.' would
        // delegate to the root (RFC 1034 §3.6.2 gives '.' no special meaning here, unlike MX or SRV).
        // NS names a host (RFC 1035 §3.3.11); CNAME, ALIAS and PTR may point at any name, '_' and a literal '*' included.
        var target = type == RecordTypes.Ns ? TargetName.Normalize(content, hostName: true) : TargetName.Normalize(content, allowWildcard: true);
        return target.Name is { } name
            ? RecordContentResult.Plain(type, name, name)
            : RecordContentResult.BadContent($"invalid {type} target: the host name {target.Error}");
    }
}
