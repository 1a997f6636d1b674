using FluentValidation;
using ZoneApi.Dns;

namespace ZoneApi.Zones;

public sealed class CreateZoneRequestValidator : AbstractValidator<CreateZoneRequest>
{
    public CreateZoneRequestValidator()
    {
        RuleFor(r => r.Name).ZoneName();
        RuleFor(r => r.Type).ZoneType();
        RuleFor(r => r.Region).ZoneRegion();
        RuleFor(r => r.Status).ZoneStatus();
    }
}

public sealed class UpdateZoneRequestValidator : AbstractValidator<UpdateZoneRequest>
{
    public UpdateZoneRequestValidator()
    {
        RuleFor(r => r.Name).ZoneName();
        RuleFor(r => r.Type).ZoneType();
        RuleFor(r => r.Region).ZoneRegion();
        RuleFor(r => r.Status).ZoneStatus();
    }
}

/// <summary>The field rules both zone requests share.</summary>
internal static class ZoneFieldRules
{
    public static void ZoneName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((name, context) =>
        {
            if (DnsName.NormalizeZoneName(name) is { Error: { } error })
            {
                context.AddFailure(error);
            }
        });

    public static void ZoneType<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || ZoneSettings.NormalizeType(t) is not null)
            .WithMessage("must be master or slave (primary and secondary are accepted too)");

    public static void ZoneRegion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => r is null || ZoneSettings.NormalizeRegion(r) is not null)
            .WithMessage($"must be one of {string.Join(", ", ZoneSettings.Regions)}");

    public static void ZoneStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || ZoneSettings.NormalizeStatus(s) is not null)
            .WithMessage($"must be one of {string.Join(", ", ZoneSettings.Statuses)}");
}
