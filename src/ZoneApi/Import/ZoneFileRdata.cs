using System.Text;
using ZoneApi.Dns;
using ZoneApi.Export;

namespace ZoneApi.Import;

/// <summary>
/// Record data from a master file into the API's <c>content</c>, which the same parsers as a POST's then check
/// (Dns/Content). Two things differ between the two forms: in a file, a domain name without a final dot is
/// relative to the origin (RFC 1035 §5.1), where the API reads it as absolute; and TXT is character-strings, quoted,
/// escaped and cut at 255 octets, where the API stores one unquoted value (CONTRACT A3).
/// </summary>
public static class ZoneFileRdata
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content for a record of <paramref name="type"/>, or why there is none.</summary>
    public static (string? Content, string? Problem) Content(string type, IReadOnlyList<ZoneFileToken> rdata, string origin)
    {
        ArgumentNullException.ThrowIfNull(rdata);

        if (rdata[0].Raw == @"\#")
        {
            return (null, @"the generic form '\# length hex' (RFC 3597) is not read; write the data in the type's own form");
        }

        if (type == RecordTypes.Txt)
        {
            return Txt(rdata);
        }

        var fields = rdata.Select(t => t.Raw).ToArray();
        if (NameField(type) is { } index && index < fields.Length && !rdata[index].Quoted)
        {
            fields[index] = ZoneFileParser.Qualify(fields[index], origin);
        }

        return (UnescapeNonAscii(string.Join(' ', fields)), null);
    }

    /// <summary>
    /// The record an export's ALIAS comment (<see cref="ZoneFileRenderer.Line"/>) stands for; null for any other comment.
    /// A comment that starts like one but does not read as one is a problem: dropping it quietly would lose the record.
    /// </summary>
    public static (ZoneFileEntry? Entry, string? Problem)? AliasComment(string comment, string origin)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(origin);

        var fields = comment.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields is not [";", var type, ..] || !type.Equals(RecordTypes.Alias, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (ZoneFileRenderer.TryParseAliasComment(origin.TrimEnd('.'), string.Join(' ', fields)) is not { } alias
            || !ZoneFileParser.TryParseTtl(fields[3], out var ttl))
        {
            return (null, "an ALIAS comment line must read '; ALIAS <name> <ttl> <target>', as the export writes it");
        }

        var owner = fields[2] == "@" ? origin : ZoneFileParser.Qualify(fields[2], origin);
        return (new ZoneFileEntry(0, owner, RecordTypes.Alias, ZoneFileParser.Qualify(alias.Content, origin), ttl), null);
    }

    /// <summary>Which field of the data is a domain name that may be relative to the origin.</summary>
    private static int? NameField(string type) => type switch
    {
        RecordTypes.Cname or RecordTypes.Alias or RecordTypes.Ns or RecordTypes.Ptr => 0,
        RecordTypes.Mx or RecordTypes.Https or RecordTypes.Svcb => 1,
        RecordTypes.Srv => 3,
        RecordTypes.Naptr => 5,
        _ => null,
    };

    /// <summary>RFC 1035 §3.3.14: TXT data is one or more character-strings; the API keeps them joined as one value.</summary>
    private static (string? Content, string? Problem) Txt(IReadOnlyList<ZoneFileToken> strings)
    {
        var octets = new List<byte>();
        foreach (var token in strings)
        {
            if (ZoneFileTokenizer.Octets(token) is not { } piece)
            {
                return (null, @"a \DDD escape is over 255 (RFC 1035 §5.1)");
            }

            octets.AddRange(piece);
        }

        string value;
        try
        {
            value = StrictUtf8.GetString([.. octets]);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the TXT data is not UTF-8 text; the API stores TXT as text (CONTRACT A3)");
        }

        // One enclosing pair of quotes is what the API strips from TXT content, so a value that itself starts and ends
        // with a quote keeps them.
        return ($"\"{value}\"", null);
    }

    /// <summary>
    /// The inverse of <see cref="ZoneFileText.EscapeNonAscii"/>: runs of <c>\DDD</c> escapes over 127 that spell UTF-8
    /// become the characters again; every other escape stays for the type's own parser.
    /// </summary>
    public static string UnescapeNonAscii(string presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (!presentation.Contains('\\', StringComparison.Ordinal))
        {
            return presentation;
        }

        var result = new StringBuilder(presentation.Length);
        var run = new List<byte>();
        var runText = new StringBuilder();
        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            try
            {
                result.Append(StrictUtf8.GetString([.. run]));
            }
            catch (DecoderFallbackException)
            {
                result.Append(runText);
            }

            run.Clear();
            runText.Clear();
        }

        for (var i = 0; i < presentation.Length; i++)
        {
            if (presentation[i] == '\\' && i + 3 < presentation.Length
                && char.IsAsciiDigit(presentation[i + 1]) && char.IsAsciiDigit(presentation[i + 2]) && char.IsAsciiDigit(presentation[i + 3])
                && int.Parse(presentation.AsSpan(i + 1, 3), provider: System.Globalization.CultureInfo.InvariantCulture) is >= 128 and <= 255 and var octet)
            {
                run.Add((byte)octet);
                runText.Append(presentation, i, 4);
                i += 3;
                continue;
            }

            Flush();
            if (presentation[i] == '\\' && i + 1 < presentation.Length)
            {
                result.Append(presentation[i]);
                i++;
            }

            result.Append(presentation[i]);
        }

        Flush();
        return result.ToString();
    }
}
