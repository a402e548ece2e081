using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Localisation;

namespace Partnera.Infrastructure.Text;

/// <summary>Checks a translations map: only the UI languages, each text no longer than the limit.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TranslationsAttribute(int maxLength) : ValidationAttribute("Validation_Translations")
{
    public int MaxLength { get; } = maxLength;

    public override bool IsValid(object? value) =>
        value is not IDictionary<string, string?> map
        || map.All(p => Cultures.Supported.Contains(p.Key) && (p.Value is null || p.Value.Length <= MaxLength));
}

public static class Translations
{
    /// <summary>Turns a submitted translations map into the stored text, dropping empty entries.</summary>
    public static MultilingualText ToText(string value, IDictionary<string, string?>? translations) =>
        new(value.Trim(), translations?.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!));

    public static Dictionary<string, string?> ToInput(MultilingualText text) =>
        Cultures.Supported.ToDictionary(c => c, c => text.Translations.GetValueOrDefault(c));
}
