using ZoneApi.Dns;
using ZoneApi.Http;

namespace ZoneApi.Records.Servable;

/// <summary>
/// Rules about the values of one RRset that only make sense together: a null MX stands alone (RFC 7505 §3), and
/// an HTTPS or SVCB AliasMode record (priority 0) stands alone among the records of its type (RFC 9460 §2.4.2).
/// Checked on the RRset as written, so the order in which the values arrived does not matter.
/// </summary>
internal static class RRsetShape
{
    public static RecordError? Check(DnsRecord written, IReadOnlyList<DnsRecord> rrset) => written.Type switch
    {
        RecordTypes.Mx => NullMx(written, rrset),
        RecordTypes.Https or RecordTypes.Svcb => AliasMode(written, rrset),
        _ => null,
    };

    private static RecordError? NullMx(DnsRecord written, IReadOnlyList<DnsRecord> rrset)
    {
        if (rrset.Count < 2 || !rrset.Any(IsNullMx))
        {
            return null;
        }

        var others = string.Join(", ", rrset.Where(r => r.Id != written.Id).Select(Describe));
        return new RecordError(ErrorCodes.NullMxConflict, IsNullMx(written)
            ? $"{written.Name} already has the MX records {others}; a null MX ('0 .') says the name accepts no mail, so it must be "
              + "the only MX record there (RFC 7505 §3). Delete those MX records first, or keep them and leave out the null MX."
            : $"{written.Name} has a null MX ('0 .'), which says the name accepts no mail and must be the only MX record there "
              + "(RFC 7505 §3). Delete the null MX first, then add mail servers.");
    }

    private static RecordError? AliasMode(DnsRecord written, IReadOnlyList<DnsRecord> rrset)
    {
        var aliasModes = rrset.Where(IsAliasMode).ToList();
        if (aliasModes.Count == 0 || rrset.Count < 2)
        {
            return null;
        }

        var others = string.Join(", ", rrset.Where(r => r.Id != written.Id).Select(r => $"'{r.Content}'"));
        var rule = $"an {written.Type} record with priority 0 (AliasMode) must be the only {written.Type} record at its name "
            + "(RFC 9460 §2.4.2)";
        return new RecordError(ErrorCodes.SvcbAliasModeConflict, IsAliasMode(written)
            ? $"{written.Name} already has the {written.Type} records {others}, and {rule}. Delete them first, or use a "
              + "ServiceMode record (priority 1 or more) instead."
            : $"{written.Name} has the AliasMode {written.Type} record '{aliasModes[0].Content}', and {rule}. Delete it first "
              + "to publish ServiceMode records there.");
    }

    /// <summary>RFC 7505 §3: preference 0 and the root as the exchange.</summary>
    private static bool IsNullMx(DnsRecord mx) => mx.Content == ".";

    /// <summary>RFC 9460 §2.4.2: SvcPriority 0, the first field of the content.</summary>
    private static bool IsAliasMode(DnsRecord svcb) => svcb.Content.StartsWith("0 ", StringComparison.Ordinal);

    private static string Describe(DnsRecord mx) => $"'{mx.Priority} {mx.Content}'";
}
