using System.Text;
using Microsoft.AspNetCore.Mvc.Formatters;
using ZoneApi.Export;

namespace ZoneApi.Import;

/// <summary>
/// Reads a <c>text/dns</c> body (RFC 4027), a master file, into the same <see cref="ImportZoneRequest"/> that the JSON
/// form <c>{"zone_file":"..."}</c> binds to, so one action serves both. UTF-8, as the export writes.
/// </summary>
public sealed class ZoneFileInputFormatter : TextInputFormatter
{
    public ZoneFileInputFormatter()
    {
        SupportedMediaTypes.Add(ZoneExportController.MediaType);
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
    }

    protected override bool CanReadType(Type type) => type == typeof(ImportZoneRequest);

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A StreamReader, not context.ReaderFactory: its reader falls back to synchronous reads in ReadToEndAsync.
        using var reader = new StreamReader(context.HttpContext.Request.Body, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        try
        {
            return await InputFormatterResult.SuccessAsync(new ImportZoneRequest(await reader.ReadToEndAsync(context.HttpContext.RequestAborted)));
        }
        catch (DecoderFallbackException)
        {
            context.ModelState.AddModelError("zone_file", "the master file is not UTF-8 text; write other octets as \\DDD escapes (RFC 1035 §5.1)");
            return await InputFormatterResult.FailureAsync();
        }
    }
}
