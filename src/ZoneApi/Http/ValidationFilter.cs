using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ZoneApi.Http;

/// <summary>
/// Runs the FluentValidation validator registered for each action argument (request bodies and query
/// objects) and answers 400 with one detail per failing field before the action runs.
/// </summary>
public sealed class ValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                context.Result = new BadRequestObjectResult(ToEnvelope(result.Errors));
                return;
            }
        }

        await next();
    }

    /// <summary>
    /// 400 VALIDATION_ERROR with a detail per field; a failure that carries one of the specific codes of
    /// CONTRACT A2 (CNAME_AT_APEX, NAME_OUTSIDE_ZONE, WILDCARD_NS, PROTECTED_RECORD) gives the envelope that code instead.
    /// </summary>
    internal static ErrorEnvelope ToEnvelope(IReadOnlyList<ValidationFailure> failures)
    {
        var details = failures
            .Select(f => new ErrorDetail(ApiJson.FieldName(f.PropertyName), f.ErrorMessage))
            .DistinctBy(d => (d.Field, d.Reason))
            .ToList();
        var specific = failures.FirstOrDefault(f => f.ErrorCode is ErrorCodes.CnameAtApex or ErrorCodes.NameOutsideZone or ErrorCodes.WildcardNs or ErrorCodes.ProtectedRecord);
        return specific is null
            ? Envelope.Error(ErrorCodes.ValidationError, ValidationMessage(details), details)
            : Envelope.Error(specific.ErrorCode, $"{ApiJson.FieldName(specific.PropertyName)} {specific.ErrorMessage.TrimEnd('.')}.", details);
    }

    public static string ValidationMessage(IReadOnlyList<ErrorDetail> details) =>
        "The request has invalid fields: " + string.Join("; ", details.Take(3).Select(d => $"{d.Field} {d.Reason}"))
        + (details.Count > 3 ? $"; and {details.Count - 3} more (see details)." : ".");
}
