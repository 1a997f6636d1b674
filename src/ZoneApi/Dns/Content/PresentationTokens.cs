using System.Text;

namespace ZoneApi.Dns.Content;

/// <summary>
/// Splits multi-field content the way an RFC 1035 §5.1 master file does: fields are separated by runs of
/// spaces or tabs, and a double-quoted part (which may hold spaces and backslash escapes) stays inside
/// one field. Quotes are kept in the tokens; <see cref="CharacterString"/> removes them.
/// </summary>
internal static class PresentationTokens
{
    public static string? TrySplit(string content, out List<string> tokens)
    {
        tokens = [];
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\\')
            {
                if (i + 1 == content.Length)
                {
                    return "ends with a lone backslash";
                }

                current.Append(c).Append(content[++i]);
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
                current.Append(c);
            }
            else if (!inQuotes && c is ' ' or '\t')
            {
                Flush(current, tokens);
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(current, tokens);
        return inQuotes ? "has an unterminated quoted string" : null;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
