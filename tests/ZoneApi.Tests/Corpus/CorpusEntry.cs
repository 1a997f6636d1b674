namespace ZoneApi.Tests.Corpus;

/// <summary>One value of the corpus: a record that BIND and the API are both asked about.</summary>
/// <param name="Source">File and line, for failure messages.</param>
/// <param name="Expectation">What the API must do with it: <c>accept</c> or <c>refuse</c>.</param>
/// <param name="Owner">The owner label(s) relative to the zone, or null for a plain host label.</param>
/// <param name="Type">The record type as sent.</param>
/// <param name="Content">The content as sent.</param>
public sealed record CorpusEntry(string Source, string Expectation, string? Owner, string Type, string Content)
{
    public const string Accept = "accept";
    public const string Refuse = "refuse";

    public override string ToString() => $"{Source}: {Owner ?? "-"} {Type} {Content}";
}
