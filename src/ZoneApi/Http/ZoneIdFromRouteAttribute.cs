using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ZoneApi.Http;

/// <summary>
/// Binds the {zone_id} route segment to a <see cref="Guid"/> with <see cref="ZoneIdModelBinder"/>: a bad id is
/// answered with 400 INVALID_ZONE_ID before the action runs, so no action parses it itself.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ZoneIdFromRouteAttribute : ModelBinderAttribute
{
    public ZoneIdFromRouteAttribute()
        : base(typeof(ZoneIdModelBinder))
    {
        Name = ZoneIdRoute.Name;
        BindingSource = BindingSource.Path;
    }
}
