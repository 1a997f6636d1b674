namespace ZoneApi.Dns.Content;

/// <summary>
/// MX (RFC 1035 §3.3.9). The API returns the bare target in <c>content</c> and the preference in
/// <c>priority</c>, which is the only shape every DNScale client reads right (CONTRACT B9.1), but it
/// also accepts the preference written in front of the target.
/// </summary>
internal static class MxContent
{
    public static RecordContentResult Parse(string content, int? priority)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        int? written = null;
        if (tokens.Count == 2)
        {
            if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt16, out var preference))
            {
                return RecordContentResult.BadContent("invalid MX preference: expected a number from 0 to 65535 before the target");
            }

            written = preference;
        }
        else if (tokens.Count != 1)
        {
            return RecordContentResult.BadContent("MX content is the target host name, optionally after the preference: '10 mail.example.com.'");
        }

        if (priority is < 0 or > ContentNumbers.MaxUInt16)
        {
            return RecordContentResult.BadPriority("must be between 0 and 65535");
        }

        if (written is { } w && priority is { } p && w != p)
        {
            return RecordContentResult.BadPriority($"is {p}, but the content starts with the preference {w}");
        }

        if ((written ?? priority) is not { } effective)
        {
            return RecordContentResult.BadPriority("MX needs a priority (0-65535)");
        }

        var target = TargetName.Normalize(tokens[^1], allowRoot: true, hostName: true);
        if (target.Name is not { } name)
        {
            return RecordContentResult.BadContent($"invalid MX target: the host name {target.Error}");
        }

        // RFC 7505 §3: the null MX, "this domain accepts no mail", is exactly preference 0 and target '.'.
        var isNullMx = TargetName.IsRoot(name);
        if (isNullMx && effective != 0)
        {
            return RecordContentResult.BadPriority("must be 0 for a null MX (target '.'), as RFC 7505 defines it");
        }

        return new RecordContentResult.Valid(RecordTypes.Mx, name, effective, $"{effective} {name}", isNullMx ? null : name);
    }
}
