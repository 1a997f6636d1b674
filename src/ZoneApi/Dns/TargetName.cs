namespace ZoneApi.Dns;

/// <summary>
/// Host names inside record content: CNAME, ALIAS, NS, PTR, MX, SRV, HTTPS/SVCB and NAPTR targets.
/// Unlike owner names they are never relative to the zone: <c>example.com</c> means <c>example.com.</c>,
/// as DNScale's clients expect (CONTRACT A3), so a CNAME to a sibling zone can be written without a dot.
/// </summary>
public static class TargetName
{
    /// <summary>The root name, which SRV (RFC 2782), MX (RFC 7505) and HTTPS/SVCB (RFC 9460 §2.5) give a meaning of their own.</summary>
    public const string Root = ".";

    public static bool IsRoot(string? target) => target == Root;

    /// <summary>
    /// Returns the absolute, lower-case, punycode target with the trailing dot, or <see cref="Root"/>
    /// when <paramref name="allowRoot"/> is set and the input is <c>.</c>. Labels are letters, digits,
    /// hyphens and underscores: targets such as <c>_sip._tcp.example.com.</c> and DKIM's
    /// <c>_domainkey</c> names are real, so '_' is allowed here even though RFC 1123 host names lack it.
    /// </summary>
    /// <param name="input">The target as the client wrote it.</param>
    /// <param name="allowRoot">Whether '.' is a valid target (SRV, MX, HTTPS/SVCB, NAPTR).</param>
    /// <param name="hostName">The target names a host (NS, MX, SRV, HTTPS/SVCB, PTR in a reverse zone): only
    /// letter-digit-hyphen labels (RFC 952, RFC 1123 §2.1), the check BIND's check-names makes fatal in primary zones.</param>
    /// <param name="allowWildcard">A leftmost <c>*</c> label is taken literally (CNAME, ALIAS, PTR, NAPTR): such a
    /// target is an ordinary name (RFC 4592 §2.1.1 gives '*' its meaning only in owner names).</param>
    public static NameResult Normalize(string? input, bool allowRoot = false, bool hostName = false, bool allowWildcard = false)
    {
        if (string.IsNullOrEmpty(input))
        {
            return NameResult.Invalid("is required");
        }

        if (input == Root)
        {
            return allowRoot ? NameResult.Valid(Root) : NameResult.Invalid("may not be the root '.'");
        }

        if (input.Any(c => char.IsAscii(c) && (char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            return NameResult.Invalid("may not contain whitespace or control characters");
        }

        if (InvisibleCharacters.Find(input) is { } invisible)
        {
            return NameResult.Invalid(invisible);
        }

        if (input.Length > DnsName.MaxLength * 4)
        {
            return NameResult.Invalid($"is longer than {DnsName.MaxLength} characters");
        }

        input = IdnaLabels.MapSeparators(input);
        var hadDot = input.EndsWith('.');
        var name = hadDot ? input[..^1] : input;
        // Targets name hosts anywhere on the internet, where labels such as "r3---sn-abc" (googlevideo.com)
        // exist, so the hyphen rule that our own zone and owner names follow is not applied to them.
        if (DnsLabels.TryToAscii(name, allowWildcard && !hostName, checkHyphens: false, out var labels) is { } error)
        {
            return NameResult.Invalid(error);
        }

        if (hostName && HostNames.FindNonHostLabel(labels) is { } label)
        {
            return NameResult.Invalid($"has the label '{label}', but a host name holds only letters, digits and hyphens (RFC 1123 §2.1)");
        }

        if (BidiRule.Check(labels) is { } bidi)
        {
            return NameResult.Invalid(bidi);
        }

        var ascii = string.Join('.', labels);
        if (ascii.Length > DnsName.MaxLength)
        {
            return NameResult.Invalid($"is longer than {DnsName.MaxLength} characters");
        }

        // "mail" is almost always a relative name typed by mistake; turning it into the top-level
        // name "mail." would silently point nowhere. A single label must be written absolute.
        if (labels.Length == 1 && !hadDot)
        {
            return NameResult.Invalid($"is a single label: write the full name, or '{input}.' if the top-level name is meant");
        }

        // RFC 3696 §2: no top-level domain is all-numeric, so this is an IP address written where a name belongs.
        if (labels[^1].All(char.IsAsciiDigit))
        {
            return NameResult.Invalid("is an IP address, not a host name");
        }

        return NameResult.Valid(ascii + ".");
    }
}
