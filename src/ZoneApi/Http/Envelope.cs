using System.Text.Json.Serialization;

namespace ZoneApi.Http;

/// <summary>{"status":"success","data":{...}}: every 2xx body but 204's, which has none.</summary>
public sealed record SuccessEnvelope<T>(T Data)
{
    [JsonPropertyOrder(-1)]
    public string Status => "success";
}

/// <summary>{"status":"error","error":{"code","message","details"}}: every non-2xx body.</summary>
public sealed record ErrorEnvelope(ApiError Error)
{
    [JsonPropertyOrder(-1)]
    public string Status => "error";
}

/// <param name="Code">A stable code from <see cref="ErrorCodes"/>: clients switch on it.</param>
/// <param name="Message">For people: what went wrong and what to do next.</param>
/// <param name="Details">Per-field problems, when there are any.</param>
public sealed record ApiError(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorDetail>? Details = null);

/// <summary>One field's problem: <c>{"field":"content","reason":"invalid IPv4 address"}</c>.</summary>
public sealed record ErrorDetail(string Field, string Reason);

public static class Envelope
{
    public static SuccessEnvelope<T> Success<T>(T data) => new(data);

    public static ErrorEnvelope Error(string code, string message, IReadOnlyList<ErrorDetail>? details = null) =>
        new(new ApiError(code, message, details is { Count: > 0 } ? details : null));
}
