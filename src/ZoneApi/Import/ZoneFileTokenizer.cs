using System.Text;
using ZoneApi.Http;

namespace ZoneApi.Import;

/// <summary>One field of a master file line, exactly as written (quotes and escapes kept).</summary>
public sealed record ZoneFileToken(string Raw, bool Quoted);

/// <summary>
/// One entry of a master file: the tokens of a line, or of several lines joined by parentheses. <paramref name="OwnerBlank"/>
/// says the line started with white space, so its owner is the previous entry's (RFC 1035 §5.1).
/// <paramref name="Comment"/> holds a whole-line comment, which an ALIAS line is (ZoneFileRenderer writes ALIAS that way).
/// </summary>
public sealed record ZoneFileLine(int Line, bool OwnerBlank, IReadOnlyList<ZoneFileToken> Tokens, string? Comment = null);

/// <summary>A problem in a master file, on a line.</summary>
public sealed record ZoneFileProblem(int Line, string Code, string Reason);

/// <summary>
/// Splits a master file into entries (RFC 1035 §5.1): fields are separated by spaces and tabs; <c>;</c> starts a
/// comment that runs to the end of the line; <c>( )</c> let an entry span lines; <c>"..."</c> quotes a field that may
/// hold spaces and <c>;</c>; a backslash escapes the next character (or starts <c>\DDD</c>) anywhere. Tokens keep their
/// escapes: what they mean depends on the record type, which <see cref="ZoneFileParser"/> decides.
/// </summary>
public static class ZoneFileTokenizer
{
    /// <summary>The entries of <paramref name="text"/> in file order, and the problems that kept some lines out.</summary>
    public static (List<ZoneFileLine> Lines, List<ZoneFileProblem> Problems) Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = new List<ZoneFileLine>();
        var problems = new List<ZoneFileProblem>();
        var tokens = new List<ZoneFileToken>();
        var line = 1;
        var entryLine = 1;
        var depth = 0;
        var openedOn = 0;
        var ownerBlank = false;
        var broken = false;
        var i = 0;

        // At the start of each physical line outside parentheses, the previous entry ends.
        bool AtLineStart() => i == 0 || text[i - 1] == '\n';

        while (i < text.Length)
        {
            if (AtLineStart() && depth == 0)
            {
                if (tokens.Count > 0 && !broken)
                {
                    lines.Add(new ZoneFileLine(entryLine, ownerBlank, tokens));
                }

                tokens = [];
                broken = false;
                entryLine = line;
                ownerBlank = text[i] is ' ' or '\t';
            }

            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    i++;
                    break;
                case ' ' or '\t' or '\r':
                    i++;
                    break;
                case ';':
                    var end = text.IndexOf('\n', i);
                    end = end < 0 ? text.Length : end;
                    if (tokens.Count == 0 && depth == 0)
                    {
                        lines.Add(new ZoneFileLine(line, ownerBlank, [], text[i..end].TrimEnd('\r')));
                    }

                    i = end;
                    break;
                case '(':
                    if (depth > 0)
                    {
                        broken = true;
                        problems.Add(new ZoneFileProblem(line, ErrorCodes.ValidationError, "parentheses cannot nest (RFC 1035 §5.1)"));
                    }

                    depth++;
                    openedOn = line;
                    i++;
                    break;
                case ')':
                    if (depth == 0)
                    {
                        broken = true;
                        problems.Add(new ZoneFileProblem(line, ErrorCodes.ValidationError, "')' without an opening '('"));
                    }
                    else
                    {
                        depth--;
                    }

                    i++;
                    break;
                case '"':
                    var closing = EndOfQuoted(text, i);
                    if (closing < 0)
                    {
                        broken = true;
                        problems.Add(new ZoneFileProblem(line, ErrorCodes.ValidationError, "a quoted string is not closed on its line"));
                        i = text.IndexOf('\n', i) is var nl and >= 0 ? nl : text.Length;
                        break;
                    }

                    tokens.Add(new ZoneFileToken(text[i..(closing + 1)], true));
                    i = closing + 1;
                    break;
                default:
                    var start = i;
                    i = EndOfPlain(text, i);
                    tokens.Add(new ZoneFileToken(text[start..i], false));
                    break;
            }
        }

        if (depth > 0)
        {
            problems.Add(new ZoneFileProblem(openedOn, ErrorCodes.ValidationError, "'(' is never closed"));
        }
        else if (tokens.Count > 0 && !broken)
        {
            lines.Add(new ZoneFileLine(entryLine, ownerBlank, tokens));
        }

        return (lines, problems);
    }

    /// <summary>The index of the quote that closes the string opened at <paramref name="open"/>, or -1 when the line ends first.</summary>
    private static int EndOfQuoted(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when i + 1 < text.Length && text[i + 1] != '\n':
                    i++;
                    break;
                case '\n':
                    return -1;
                case '"':
                    return i;
            }
        }

        return -1;
    }

    private static int EndOfPlain(string text, int i)
    {
        while (i < text.Length && text[i] is not (' ' or '\t' or '\r' or '\n' or ';' or '(' or ')' or '"'))
        {
            i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
        }

        return i;
    }

    /// <summary>
    /// The octets a token stands for: quotes removed, <c>\X</c> is X, <c>\DDD</c> is the octet DDD (RFC 1035 §5.1);
    /// null when a <c>\DDD</c> is over 255.
    /// </summary>
    public static byte[]? Octets(ZoneFileToken token)
    {
        ArgumentNullException.ThrowIfNull(token);

        var raw = token.Quoted ? token.Raw[1..^1] : token.Raw;
        var octets = new List<byte>(raw.Length);
        var utf8 = new byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                if (i + 3 < raw.Length && char.IsAsciiDigit(raw[i + 1]) && char.IsAsciiDigit(raw[i + 2]) && char.IsAsciiDigit(raw[i + 3]))
                {
                    var value = ((raw[i + 1] - '0') * 100) + ((raw[i + 2] - '0') * 10) + (raw[i + 3] - '0');
                    if (value > 255)
                    {
                        return null;
                    }

                    octets.Add((byte)value);
                    i += 3;
                    continue;
                }

                i++;
            }

            var rune = char.IsSurrogatePair(raw, i) ? new Rune(raw[i], raw[i + 1]) : char.IsSurrogate(raw[i]) ? Rune.ReplacementChar : new Rune(raw[i]);
            var length = rune.EncodeToUtf8(utf8);
            octets.AddRange(utf8.AsSpan(0, length).ToArray());
            i += rune.Utf16SequenceLength - 1;
        }

        return [.. octets];
    }
}
