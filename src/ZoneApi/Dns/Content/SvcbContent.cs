namespace ZoneApi.Dns.Content;

/// <summary>HTTPS and SVCB (RFC 9460 §2.1): <c>priority target [params...]</c>, such as <c>1 . alpn=h2,h3 port=443</c>.</summary>
internal static class SvcbContent
{
    public static RecordContentResult Parse(string type, string content)
    {
        var shape = $"{type} content is 'priority target [key=value...]', such as '1 . alpn=h2,h3'";
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count < 2)
        {
            return RecordContentResult.BadContent(shape);
        }

        if (!ContentNumbers.TryParse(tokens[0], ContentNumbers.MaxUInt16, out var priority))
        {
            return RecordContentResult.BadContent($"invalid {type} priority: expected a number from 0 to 65535. {shape}");
        }

        // RFC 9460 §2.5: '.' is the owner name itself in ServiceMode, and "no service" in AliasMode.
        var target = TargetName.Normalize(tokens[1], allowRoot: true, hostName: true);
        if (target.Name is not { } name)
        {
            return RecordContentResult.BadContent($"invalid {type} target: the host name {target.Error}");
        }

        // RFC 9460 §2.4.2: AliasMode records carry no SvcParams, and recipients ignore any they find.
        if (priority == 0 && tokens.Count > 2)
        {
            return RecordContentResult.BadContent($"invalid {type} record: priority 0 is AliasMode, which takes no parameters");
        }

        if (SvcParams.TryCanonicalize(tokens.Skip(2), out var parameters) is { } paramError)
        {
            return RecordContentResult.BadContent($"invalid {type} parameters: the record {paramError}");
        }

        var canonical = parameters.Length == 0 ? $"{priority} {name}" : $"{priority} {name} {parameters}";
        return RecordContentResult.Plain(type, canonical, TargetName.IsRoot(name) ? null : name);
    }
}
