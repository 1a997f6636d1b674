namespace ZoneApi.Dns.Content;

/// <summary>SRV (RFC 2782): <c>priority weight port target</c>.</summary>
internal static class SrvContent
{
    private const string Shape = "SRV content is 'priority weight port target', such as '10 5 5060 sip.example.com.'";

    public static RecordContentResult Parse(string content, int? priority)
    {
        if (PresentationTokens.TrySplit(content, out var tokens) is { } error)
        {
            return RecordContentResult.BadContent(error);
        }

        if (tokens.Count == 3)
        {
            // DNScale's CLI documents that a shorter value gets defaults; the request's priority (or 0)
            // stands in for the missing first field (CONTRACT B12, SRV note).
            if (priority is < 0 or > ContentNumbers.MaxUInt16)
            {
                return RecordContentResult.BadPriority("must be between 0 and 65535");
            }

            tokens.Insert(0, (priority ?? 0).ToString(provider: null));
        }
        else if (tokens.Count != 4)
        {
            return RecordContentResult.BadContent(Shape);
        }

        // With four fields the content wins over a different request priority: Terraform's documented
        // example sends '10 5 5060 sip.example.com.' together with priority 0 (CONTRACT B12), and the
        // returned priority is always the first field, so the two can never disagree in a response.
        string[] names = ["priority", "weight", "port"];
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!ContentNumbers.TryParse(tokens[i], ContentNumbers.MaxUInt16, out numbers[i]))
            {
                return RecordContentResult.BadContent($"invalid SRV {names[i]}: expected a number from 0 to 65535. {Shape}");
            }
        }

        // RFC 2782: a target of '.' means the service is decidedly not available at this domain.
        var target = TargetName.Normalize(tokens[3], allowRoot: true, hostName: true);
        if (target.Name is not { } name)
        {
            return RecordContentResult.BadContent($"invalid SRV target: the host name {target.Error}");
        }

        var canonical = $"{numbers[0]} {numbers[1]} {numbers[2]} {name}";
        return new RecordContentResult.Valid(RecordTypes.Srv, canonical, numbers[0], canonical, TargetName.IsRoot(name) ? null : name);
    }
}
