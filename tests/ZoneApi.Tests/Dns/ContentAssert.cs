using ZoneApi.Dns.Content;

namespace ZoneApi.Tests.Dns;

internal static class ContentAssert
{
    public static RecordContentResult.Valid Valid(string type, string content, int? priority = null) =>
        Assert.IsType<RecordContentResult.Valid>(RecordContent.Parse(type, content, priority));

    public static RecordContentResult.Invalid Invalid(string type, string content, int? priority = null) =>
        Assert.IsType<RecordContentResult.Invalid>(RecordContent.Parse(type, content, priority));
}
