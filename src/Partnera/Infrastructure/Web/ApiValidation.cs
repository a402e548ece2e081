using System.Collections.Concurrent;
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
    /// <summary>A validated property: how to read it, its display-name key and its rules (read once per type: attributes are costly to find, and a rule like a pattern compiles itself on first use).</summary>
    private sealed record Rules(string Name, Func<object, object?> Read, string? DisplayKey, ValidationAttribute[] Attributes);

    private static readonly ConcurrentDictionary<Type, Rules[]> RulesByType = new();

    public static Dictionary<string, string[]> Validate(object input, IStringLocalizerFactory factory)
    {
        var errors = new Dictionary<string, string[]>();
        IStringLocalizer? localizer = null;
        foreach (var rules in RulesByType.GetOrAdd(input.GetType(), RulesOf))
        {
            var value = rules.Read(input);
            // Most values pass: the list of failed rules is made only when one fails (imports check every row).
            if (AllValid(rules.Attributes, value)) continue;
            var failed = rules.Attributes.Where(a => !a.IsValid(value)).ToList();
            localizer ??= FeatureStringsLocalizer.For(input.GetType(), factory);
            var display = rules.DisplayKey is { } key ? localizer[key].Value : rules.Name;
            errors[JsonName(rules.Name)] = failed.Select(a => localizer[LocalisedValidationMessages.KeyOf(a), Arguments(a, display)].Value).ToArray();
        }
        return errors;
    }

    private static bool AllValid(ValidationAttribute[] attributes, object? value)
    {
        foreach (var attribute in attributes)
            if (!attribute.IsValid(value)) return false;
        return true;
    }

    private static Rules[] RulesOf(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => new Rules(p.Name, p.GetValue, p.GetCustomAttribute<DisplayAttribute>()?.Name, p.GetCustomAttributes<ValidationAttribute>().ToArray()))
        .Where(r => r.Attributes.Length > 0)
        .ToArray();

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
