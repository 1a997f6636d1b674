using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoneApi.Http;

/// <summary>The JSON dialect of the API: snake_case fields, strict input, RFC 3339 UTC timestamps.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        // Unknown fields are refused rather than ignored: a typo such as "tll" must not silently become the default.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"name":"a.com","name":"b.com"} has no one meaning; refuse it instead of guessing which wins.
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        // Bodies are always application/json, never HTML, so ' < > & need no \u escapes (they made messages unreadable).
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new UtcSecondsConverter());
    }

    public static string FieldName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);

    /// <summary>Timestamps as RFC 3339 UTC to the second, e.g. 2026-11-20T12:00:00Z (CONTRACT A1).</summary>
    private sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
