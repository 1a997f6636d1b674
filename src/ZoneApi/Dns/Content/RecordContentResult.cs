namespace ZoneApi.Dns.Content;

/// <summary>The outcome of <see cref="RecordContent.Parse"/>.</summary>
public abstract record RecordContentResult
{
    public const string ContentField = "content";
    public const string PriorityField = "priority";
    public const string TypeField = "type";

    private RecordContentResult()
    {
    }

    /// <param name="Type">The canonical upper-case type.</param>
    /// <param name="Content">The canonical API <c>content</c> to store and return (for MX the bare target).</param>
    /// <param name="Priority">MX preference or SRV priority (the first SRV field); null for other types.</param>
    /// <param name="Data">The canonical presentation of the whole RDATA, hashed into the record id (CONTRACT B11).</param>
    /// <param name="Target">The absolute host name the content points at, with the trailing dot; null when there is none or it is '.'.</param>
    public sealed record Valid(string Type, string Content, int? Priority, string Data, string? Target) : RecordContentResult;

    /// <param name="Field">The request field at fault: <c>content</c>, <c>priority</c> or <c>type</c>.</param>
    /// <param name="Reason">A message for people, for <c>details[].reason</c>.</param>
    public sealed record Invalid(string Field, string Reason) : RecordContentResult;

    /// <summary>A type that exists in zones but that only the server writes (SOA): CONTRACT A2 PROTECTED_RECORD.</summary>
    public sealed record NotWritable(string Type, string Reason) : RecordContentResult;

    internal static Valid Plain(string type, string content, string? target = null) => new(type, content, null, content, target);

    internal static Invalid BadContent(string reason) => new(ContentField, reason);

    internal static Invalid BadPriority(string reason) => new(PriorityField, reason);
}
