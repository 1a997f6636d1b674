using System.Text;

namespace ZoneApi.Dns.Content;

/// <summary>
/// The comma-separated value lists of SvcParams (RFC 9460 Appendix A.1): within an item, <c>\,</c> is a
/// literal comma and <c>\\</c> a backslash, so an ALPN id may hold a comma. Input is the value after its
/// character-string escapes are decoded, as a master file reader sees it.
/// </summary>
internal static class SvcValueList
{
    /// <summary>Splits at unescaped commas; null when an item is empty or the value ends inside an escape.</summary>
    public static List<string>? Split(string value)
    {
        var items = new List<string>();
        var item = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (++i == value.Length)
                {
                    return null;
                }

                item.Append(value[i]);
            }
            else if (value[i] == ',')
            {
                if (item.Length == 0)
                {
                    return null;
                }

                items.Add(item.ToString());
                item.Clear();
            }
            else
            {
                item.Append(value[i]);
            }
        }

        if (item.Length == 0)
        {
            return null;
        }

        items.Add(item.ToString());
        return items;
    }

    /// <summary>
    /// Joins items back, escaping what needs it, and quotes the value when it holds anything beyond plain
    /// characters: <c>h2,h3</c> stays bare, the ids <c>h1,h2</c> and <c>h3</c> become <c>"h1\\,h2,h3"</c>, as BIND writes them.
    /// </summary>
    public static string Join(IEnumerable<string> items)
    {
        var joined = string.Join(',', items.Select(item =>
            item.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)));
        return joined.Any(c => c is '\\' or '"' or ' ' or ';' or '(' or ')') ? CharacterString.Quote(joined) : joined;
    }
}
