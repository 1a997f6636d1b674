using Microsoft.AspNetCore.Mvc;

namespace ZoneApi.Export;

/// <summary>
/// Declares a status that answers with a master file (<c>text/dns</c>) rather than the JSON envelope. The controller's
/// <c>[Produces("application/json")]</c>, which its errors need, would overrule a plain content type here, so
/// OpenApi.ZoneFileExampleOperationFilter finds this attribute and documents the file.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesZoneFileAttribute(int statusCode)
    : ProducesResponseTypeAttribute(typeof(string), statusCode, ZoneExportController.MediaType);
