using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ZoneApi.Http;

/// <summary>
/// A zone id in its usual 8-4-4-4-12 form only (<see cref="ZoneIdRoute.TryParse"/>; MVC's own Guid binding would
/// take braces and other forms too). Anything else is a model error on zone_id, which
/// <see cref="ModelStateErrors"/> answers with 400 INVALID_ZONE_ID.
/// </summary>
public sealed class ZoneIdModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (ZoneIdRoute.TryParse(value.FirstValue ?? "", out var id))
        {
            bindingContext.Result = ModelBindingResult.Success(id);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "is not a zone id");
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }
}
