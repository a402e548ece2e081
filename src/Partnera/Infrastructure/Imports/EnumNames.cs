using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Localisation;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// Every way a spreadsheet may name an enum's value: the value itself and its label (the resource
/// <c>{prefix}{value}</c>) in each of the four languages, plus any extra words; read with <see cref="TableCells.Named"/>.
/// </summary>
public static class EnumNames
{
    public static Dictionary<string, string[]> Of<TEnum>(IStringLocalizer labels, string prefix, IReadOnlyDictionary<TEnum, string[]>? extra = null)
        where TEnum : struct, Enum
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            return Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), v => Cultures.Supported.Select(c =>
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(c);
                return labels[prefix + v].Value;
            }).Concat(extra?.GetValueOrDefault(v) ?? []).ToArray());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static TEnum? Read<TEnum>(string cell, IReadOnlyDictionary<string, string[]> names) where TEnum : struct, Enum =>
        TableCells.Named(cell, names) is { } name ? Enum.Parse<TEnum>(name) : null;
}
