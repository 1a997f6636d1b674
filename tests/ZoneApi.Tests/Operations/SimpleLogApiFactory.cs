namespace ZoneApi.Tests.Operations;

/// <summary>The default settings: the simple formatter.</summary>
public sealed class SimpleLogApiFactory() : LoggedApiFactory(null);
