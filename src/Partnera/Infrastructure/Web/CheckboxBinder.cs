using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// A yes/no field is ticked when it says "true" (or "on") and unticked for anything else. The default binder marks any
/// other value as an error and keeps it, and the checkbox then redrawn with it throws: a 500 for a hand-made request.
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        var ticked = result.FirstValue is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));
        context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult(ticked ? "true" : "false"));
        context.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
    }
}
