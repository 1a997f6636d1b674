using Microsoft.AspNetCore.Mvc;

namespace ZoneApi.Http;

/// <summary>
/// The one way controllers turn a refusal into a response: the status is the one CONTRACT A2 gives the code
/// (<see cref="ErrorCodes.StatusOf"/>), so a code can never go out with another status.
/// </summary>
public static class ErrorResult
{
    public static ObjectResult Of(ErrorEnvelope envelope) => new(envelope) { StatusCode = ErrorCodes.StatusOf(envelope.Error.Code) };

    public static ObjectResult Of(string code, string message, IReadOnlyList<ErrorDetail>? details = null) =>
        Of(Envelope.Error(code, message, details));
}
