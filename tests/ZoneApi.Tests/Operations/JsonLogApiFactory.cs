namespace ZoneApi.Tests.Operations;

/// <summary>Logging__Console__FormatterName=json, and nothing else.</summary>
public sealed class JsonLogApiFactory() : LoggedApiFactory("json");
