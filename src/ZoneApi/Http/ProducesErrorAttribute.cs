using Microsoft.AspNetCore.Mvc;

namespace ZoneApi.Http;

/// <summary>
/// Declares an error status an action can answer and the codes it comes with, so that openapi.yaml tells
/// clients which codes to expect on which status: <c>[ProducesError(409, ErrorCodes.ZoneExists)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class ProducesErrorAttribute : ProducesResponseTypeAttribute
{
    public ProducesErrorAttribute(int statusCode, params string[] codes)
        : base(typeof(ErrorEnvelope), statusCode)
    {
        Codes = codes;
        Description = string.Join(", ", codes);
    }

    public IReadOnlyList<string> Codes { get; }
}
