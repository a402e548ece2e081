using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Partnera.Features.Shared;

/// <summary>One input per UI language for the translations of a name or title.</summary>
public sealed record TranslationsInput(string Prefix, string Label, IDictionary<string, string?> Values, int MaxLength, string? Error = null)
{
    public static TranslationsInput For(ModelStateDictionary state, string prefix, string label, IDictionary<string, string?> values, int maxLength) =>
        new(prefix, label, values, maxLength, state[prefix]?.Errors.FirstOrDefault()?.ErrorMessage);
}
