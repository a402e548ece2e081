using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Localisation;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// Validates an API request body with the same attributes and the same localised messages as the pages,
/// producing the error map of an RFC 9457 validation problem.
/// </summary>
public static class ApiValidation
{
    public static Dictionary<string, string[]> Validate(object input, IStringLocalizerFactory factory)
    {
        var localizer = FeatureStringsLocalizer.For(input.GetType(), factory);
        var errors = new Dictionary<string, string[]>();
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(input);
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? localizer[key].Value : property.Name;
            var messages = property.GetCustomAttributes<ValidationAttribute>()
                .Where(a => !a.IsValid(value))
                .Select(a => localizer[LocalisedValidationMessages.KeyOf(a), Arguments(a, display)].Value)
                .ToArray();
            if (messages.Length > 0) errors[JsonName(property.Name)] = messages;
        }
        return errors;
    }

    public static void Add(this Dictionary<string, string[]> errors, string field, string message) =>
        errors[JsonName(field)] = [.. errors.GetValueOrDefault(JsonName(field)) ?? [], message];

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    // The same argument order as MVC's attribute adapters, so one message text serves pages and API.
    private static object[] Arguments(ValidationAttribute attribute, string display) => attribute switch
    {
        StringLengthAttribute s => [display, s.MaximumLength, s.MinimumLength],
        MaxLengthAttribute m => [display, m.Length],
        RangeAttribute r => [display, r.Minimum, r.Maximum],
        _ => [display],
    };
}
