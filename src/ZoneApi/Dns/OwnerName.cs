namespace ZoneApi.Dns;

/// <summary>Owner names of records (CONTRACT A3 and B10): what a client types in <c>name</c>, made absolute.</summary>
public static class OwnerName
{
    public const string Apex = "@";

    /// <summary>
    /// Resolves <paramref name="input"/> against <paramref name="zoneName"/> (stored form: lower-case,
    /// no trailing dot). <c>@</c> or empty is the apex; a trailing dot makes a name absolute; a name
    /// equal to the zone or ending in <c>.zone</c> is taken as absolute too (the heuristic DNScale's
    /// clients rely on: certbot and the webhook send FQDNs without the dot); anything else is relative.
    /// </summary>
    public static OwnerNameResult Normalize(string? input, string zoneName)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneName);

        if (input is null)
        {
            return new OwnerNameResult.Invalid("is required");
        }

        if (input.Length == 0 || input == Apex)
        {
            return new OwnerNameResult.Valid(zoneName + ".");
        }

        if (input.Any(c => char.IsAscii(c) && (char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            return new OwnerNameResult.Invalid("may not contain whitespace or control characters");
        }

        if (InvisibleCharacters.Find(input) is { } invisible)
        {
            return new OwnerNameResult.Invalid(invisible);
        }

        // Cheap bound before any IDNA work; punycode never makes a label shorter than a quarter.
        if (input.Length > DnsName.MaxLength * 4)
        {
            return new OwnerNameResult.Invalid($"is longer than {DnsName.MaxLength} characters");
        }

        input = IdnaLabels.MapSeparators(input);
        var isAbsolute = input.EndsWith('.');
        var name = isAbsolute ? input[..^1] : input;
        if (name.Length == 0)
        {
            return new OwnerNameResult.OutsideZone(".", "is the root, which is outside the zone");
        }

        if (DnsLabels.TryToAscii(name, allowWildcard: true, checkHyphens: true, out var labels) is { } error)
        {
            return new OwnerNameResult.Invalid(error);
        }

        var ascii = string.Join('.', labels);
        var inZone = ascii == zoneName || ascii.EndsWith("." + zoneName, StringComparison.Ordinal);
        if (!inZone && !isAbsolute)
        {
            ascii = $"{ascii}.{zoneName}";
            inZone = true;
        }

        // RFC 1035 §2.3.4: 255 octets on the wire is 253 characters without the root dot.
        if (ascii.Length > DnsName.MaxLength)
        {
            return new OwnerNameResult.Invalid($"is longer than {DnsName.MaxLength} characters as an absolute name");
        }

        if (BidiRule.Check(ascii.Split('.')) is { } bidi)
        {
            return new OwnerNameResult.Invalid(bidi);
        }

        return inZone
            ? new OwnerNameResult.Valid(ascii + ".")
            : new OwnerNameResult.OutsideZone(ascii + ".", $"is not inside the zone {zoneName}");
    }
}
