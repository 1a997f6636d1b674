using System.Globalization;
using System.Text;

namespace ZoneApi.Tests.Serving;

/// <summary>One record as dig prints it: owner name (absolute, with the dot), TTL, type and the RDATA in presentation form.</summary>
public sealed record ResourceRecord(string Name, int Ttl, string Type, string Data)
{
    /// <summary>
    /// The character-strings of a TXT record's RDATA, decoded: dig prints each quoted, with <c>\"</c>, <c>\\</c> and
    /// <c>\DDD</c> (one octet, e.g. the UTF-8 bytes of é as <c>\195\169</c>) escapes.
    /// </summary>
    public IReadOnlyList<string> CharacterStrings()
    {
        var strings = new List<string>();
        var octets = new List<byte>();
        var inside = false;
        for (var i = 0; i < Data.Length; i++)
        {
            var c = Data[i];
            if (c == '"')
            {
                if (inside)
                {
                    strings.Add(Encoding.UTF8.GetString([.. octets]));
                    octets.Clear();
                }

                inside = !inside;
            }
            else if (inside && c == '\\' && i + 3 < Data.Length && char.IsAsciiDigit(Data[i + 1]))
            {
                octets.Add(byte.Parse(Data.AsSpan(i + 1, 3), CultureInfo.InvariantCulture));
                i += 3;
            }
            else if (inside)
            {
                var character = c == '\\' ? Data[++i] : c;
                octets.AddRange(Encoding.UTF8.GetBytes(character.ToString()));
            }
        }

        return strings;
    }

    public override string ToString() => $"{Name} {Ttl} {Type} {Data}";
}
