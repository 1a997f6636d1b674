using System.Text.Json;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Rules;

/// <summary>One create request of a race, and what the API answered.</summary>
public sealed record RacingWrite(TestZone Zone, string Name, string Type, string Content, int? Priority = null)
{
    public string Fqdn => Zone.Fqdn(Name);

    /// <summary>The host this record points at, for MX, SRV, CNAME and ALIAS.</summary>
    public string? Target => Type switch
    {
        "SRV" => Content.Split(' ')[3],
        "MX" or "CNAME" or "ALIAS" or "NS" => Content,
        _ => null,
    };

    public async Task<RaceOutcome> SendAsync()
    {
        using var response = await Zone.PostAsync(Name, Type, Content, Priority);
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        string? recordId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var json = document.RootElement;
            if (json.TryGetProperty("error", out var error))
            {
                code = error.Str("code");
            }
            else if (json.TryGetProperty("data", out var data))
            {
                recordId = data.GetProperty("record").Str("id");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            code = "(not an envelope)";
        }

        return new RaceOutcome(this, response.StatusCode, code, recordId, body);
    }

    public override string ToString() => $"{Type} {Fqdn} {(Priority is null ? "" : Priority + " ")}{Content}";
}
