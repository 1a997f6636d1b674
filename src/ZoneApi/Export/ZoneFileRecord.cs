namespace ZoneApi.Export;

/// <summary>One stored value as a master file needs it: the columns of the records table, nothing tracked.</summary>
/// <param name="Name">Absolute, lower-case, with the trailing dot.</param>
/// <param name="Type">The upper-case type (SOA, A, MX, ALIAS...).</param>
/// <param name="Content">The API's canonical content: presentation form, for MX the target only, for TXT the unquoted value.</param>
/// <param name="Priority">MX preference (SRV keeps its priority in the content).</param>
/// <param name="Ttl">Seconds.</param>
public sealed record ZoneFileRecord(string Name, string Type, string Content, int? Priority, int Ttl);
