namespace ZoneApi.OpenApi;

/// <summary>Schema names in the document: SuccessEnvelope&lt;ZoneData&gt; is ZoneDataEnvelope.</summary>
internal static class SchemaIds
{
    public static string For(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Http.SuccessEnvelope<>)
            ? For(type.GetGenericArguments()[0]) + "Envelope"
            : type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(For))
                : type.Name;
}
