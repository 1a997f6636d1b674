using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>An MX, NS or SRV record (RFC 2181 §10.3, RFC 2782: their targets must not be CNAMEs) aimed at a host.</summary>
public sealed record PointerRecord(string Owner, string Type, string Content, int? Priority)
{
    public static PointerRecord To(string type, string target, string owner = "") => type switch
    {
        "MX" => new(owner is "" ? "@" : owner, "MX", target, 10),
        "NS" => new(owner is "" ? "delegated" : owner, "NS", target, null),
        "SRV" => new(owner is "" ? "_sip._tcp" : owner, "SRV", $"10 5 5060 {target}", null),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "MX, NS or SRV"),
    };

    public Task<HttpResponseMessage> PostAsync(TestZone zone) => zone.PostAsync(Owner, Type, Content, Priority);
}
