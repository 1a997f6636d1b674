namespace ZoneApi.OpenApi;

/// <summary>
/// Marks a request field as required in the OpenAPI document. The property stays nullable so that a
/// missing field reaches FluentValidation, which answers VALIDATION_ERROR naming it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RequiredFieldAttribute : Attribute;
