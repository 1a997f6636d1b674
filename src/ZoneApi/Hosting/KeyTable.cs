using System.Globalization;
using System.Text;
using ZoneApi.Auth;

namespace ZoneApi.Hosting;

/// <summary>The table `keys list` prints: one key a line, columns aligned, never a secret.</summary>
public static class KeyTable
{
    private static readonly string[] Header = ["ID", "PREFIX", "CUSTOMER", "NAME", "SCOPES", "CREATED", "STATUS"];

    public static string Format(IReadOnlyList<ApiKeySummary> keys, DateTimeOffset now)
    {
        var rows = keys.Select(k => new[]
        {
            k.Id.ToString(), k.Prefix ?? "-", k.Customer, k.Bootstrap ? $"{k.Name} (bootstrap)" : k.Name,
            string.Join(',', k.Scopes), Time(k.CreatedAt), Status(k, now),
        }).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        return text.ToString();
    }

    private static string Status(ApiKeySummary key, DateTimeOffset now) =>
        key.RevokedAt is { } revoked ? $"revoked {Time(revoked)}"
        : key.ExpiresAt is { } expires && expires <= now ? $"expired {Time(expires)}"
        : "active";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
