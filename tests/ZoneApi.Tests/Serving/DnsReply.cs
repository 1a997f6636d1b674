namespace ZoneApi.Tests.Serving;

/// <summary>
/// A DNS response as dig reports it: the RCODE (NOERROR, NXDOMAIN, REFUSED...), the header flags (qr, aa, tc...) and
/// the records of each section.
/// </summary>
public sealed record DnsReply(
    string Status,
    IReadOnlyList<string> Flags,
    IReadOnlyList<ResourceRecord> Answer,
    IReadOnlyList<ResourceRecord> Authority,
    IReadOnlyList<ResourceRecord> Additional,
    string Text)
{
    public bool IsAuthoritative => Flags.Contains("aa");

    /// <summary>The RDATA of the answer's records of one type, in the order they came.</summary>
    public IReadOnlyList<string> Data(string type) => [.. Answer.Where(r => r.Type == type).Select(r => r.Data)];

    public override string ToString() => Text;
}
