namespace ZoneApi.Dns.Content;

/// <summary>
/// The one entry point for record content (CONTRACT A3, B12): checks the content of a record type and
/// turns it into the canonical form that is stored, returned, and hashed into the record id.
/// </summary>
public static class RecordContent
{
    /// <summary>A bound far above any legal value (a TLSA full certificate in hex is the largest), checked before parsing.</summary>
    public const int MaxLength = 16_384;

    /// <param name="type">The record type in any case.</param>
    /// <param name="content">The <c>content</c> field as the client sent it.</param>
    /// <param name="priority">The <c>priority</c> field; used by MX and by SRV content with three fields, ignored otherwise
    /// (DNScale's CLI sends 0 or null for every type, CONTRACT B9.3).</param>
    public static RecordContentResult Parse(string? type, string? content, int? priority)
    {
        var canonicalType = RecordTypes.Normalize(type);
        if (canonicalType is null)
        {
            return new RecordContentResult.Invalid(
                RecordContentResult.TypeField, $"must be one of {string.Join(", ", RecordTypes.UserWritable)}");
        }

        if (canonicalType == RecordTypes.Soa)
        {
            return new RecordContentResult.NotWritable(canonicalType, "the SOA record is managed by the server and cannot be written");
        }

        if (string.IsNullOrEmpty(content))
        {
            return RecordContentResult.BadContent("must not be empty");
        }

        if (content.Length > MaxLength)
        {
            return RecordContentResult.BadContent($"is longer than {MaxLength} characters");
        }

        // A line break or NUL would end the record early in a zone file or a log line; tabs separate fields.
        if (content.Any(c => char.IsControl(c) && c != '\t'))
        {
            return RecordContentResult.BadContent("must not contain line breaks, NUL or other control characters");
        }

        return canonicalType switch
        {
            RecordTypes.A => AddressContent.ParseA(content),
            RecordTypes.Aaaa => AddressContent.ParseAaaa(content),
            RecordTypes.Cname or RecordTypes.Alias or RecordTypes.Ns or RecordTypes.Ptr => HostContent.Parse(canonicalType, content),
            RecordTypes.Mx => MxContent.Parse(content, priority),
            RecordTypes.Txt => TxtContent.Parse(content),
            RecordTypes.Srv => SrvContent.Parse(content, priority),
            RecordTypes.Caa => CaaContent.Parse(content),
            RecordTypes.Tlsa => TlsaContent.Parse(content),
            RecordTypes.Sshfp => SshfpContent.Parse(content),
            RecordTypes.Https or RecordTypes.Svcb => SvcbContent.Parse(canonicalType, content),
            RecordTypes.Naptr => NaptrContent.Parse(content),
            _ => throw new InvalidOperationException($"{canonicalType} is listed as writable but has no parser."),
        };
    }
}
