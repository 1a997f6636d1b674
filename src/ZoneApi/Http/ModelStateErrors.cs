using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ZoneApi.Http;

/// <summary>
/// Replaces ASP.NET's ProblemDetails for requests that fail before validation: a body that is not JSON
/// or not the expected shape is INVALID_JSON; a query value of the wrong kind is VALIDATION_ERROR; a {zone_id}
/// that is not a UUID is INVALID_ZONE_ID.
/// </summary>
public static class ModelStateErrors
{
    public static IActionResult ToResult(ActionContext context)
    {
        // The path names the resource: a bad zone id is answered first, whatever else is wrong (ZoneIdModelBinder).
        if (context.ModelState.TryGetValue(ZoneIdRoute.Name, out var zoneId) && zoneId.Errors.Count > 0)
        {
            return ErrorResult.Of(ZoneIdRoute.Invalid(zoneId.AttemptedValue ?? ""));
        }

        var bodyParameter = context.ActionDescriptor.Parameters
            .FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)?.Name;
        var jsonDetails = new List<ErrorDetail>();
        var queryDetails = new List<ErrorDetail>();
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            if (key.StartsWith('$'))
            {
                jsonDetails.Add(new ErrorDetail(JsonField(key), JsonReason(entry.Errors[0].ErrorMessage)));
            }
            else if (key.Length == 0 || key == bodyParameter)
            {
                jsonDetails.Add(new ErrorDetail("body", "a JSON object is required"));
            }
            else
            {
                queryDetails.Add(new ErrorDetail(ApiJson.FieldName(key), $"must be a whole number, not '{entry.AttemptedValue}'"));
            }
        }

        // The specific "$.field" problems explain the generic "body" one that MVC adds next to them.
        if (jsonDetails.Count > 1)
        {
            jsonDetails.RemoveAll(d => d.Field == "body");
        }

        var envelope = jsonDetails.Count > 0
            ? Envelope.Error(ErrorCodes.InvalidJson,
                "The body is not the expected JSON: " + string.Join("; ", jsonDetails.Select(d => $"{d.Field} {d.Reason}")) + ".",
                jsonDetails)
            : Envelope.Error(ErrorCodes.ValidationError, ValidationFilter.ValidationMessage(queryDetails), queryDetails);
        return new BadRequestObjectResult(envelope);
    }

    // "$.zone.name" → "zone.name"; "$" alone is the body itself.
    private static string JsonField(string key) => key.Length > 2 ? key[2..] : "body";

    // System.Text.Json's messages name .NET types and byte offsets; say what a client can act on.
    private static string JsonReason(string message) => message switch
    {
        _ when message.Contains("could not be mapped", StringComparison.Ordinal) => "is not a known field",
        _ when message.Contains("could not be converted", StringComparison.Ordinal) => "has the wrong JSON type",
        _ when message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) => "appears more than once",
        _ => "is not valid JSON",
    };
}
