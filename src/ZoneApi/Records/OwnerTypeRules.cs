using FluentValidation;
using FluentValidation.Results;
using ZoneApi.Dns;
using ZoneApi.Dns.Content;
using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>
/// Input-shape rules that look at the owner name (or the zone) together with the type, each one a reason BIND
/// refuses to load the zone (<c>named-checkzone -k fail</c>, named's default for primary zones):
/// no NS at a wildcard (RFC 4592 §4.2); A, AAAA and MX only at host names (check-names, RFC 1123 §2.1;
/// MX exchanges mail for hosts, RFC 1035 §3.3.9); and a PTR in a reverse zone names a host (RFC 1035 §3.5).
/// The targets of NS, MX, SRV and HTTPS/SVCB are checked with the content itself.
/// </summary>
internal static class OwnerTypeRules
{
    public static void Check(RecordWrite write, ValidationContext<RecordWrite> context)
    {
        if (write.Owner is not OwnerNameResult.Valid(var owner) || write.ParsedContent is not RecordContentResult.Valid content)
        {
            return;
        }

        if (content.Type == RecordTypes.Ns && owner.StartsWith("*.", StringComparison.Ordinal))
        {
            context.AddFailure(new ValidationFailure("name",
                "cannot hold NS records: it is a wildcard, and a delegation cannot be synthesized from one (RFC 4592 §4.2); name each delegated zone instead")
            { ErrorCode = ErrorCodes.WildcardNs });
        }

        if (content.Type is RecordTypes.A or RecordTypes.Aaaa or RecordTypes.Mx && !HostNames.IsHostOwner(owner))
        {
            context.AddFailure("name",
                $"cannot hold {content.Type} records: it must be a host name, with only letters, digits and hyphens in each label and '*' only as the whole leftmost label (RFC 1123 §2.1)");
        }

        if (content.Type == RecordTypes.Ptr && HostNames.IsReverseZone(write.ZoneName)
            && content.Target is { } target && HostNames.FindNonHostLabel(target.TrimEnd('.').Split('.')) is { } label)
        {
            context.AddFailure("content",
                $"invalid PTR target: in a reverse zone it must be a host name, but the label '{label}' holds a character other than letters, digits and hyphens (RFC 1123 §2.1)");
        }
    }
}
