using System.Reflection;

namespace Partnera.Features.Needs.Questionnaires;

/// <summary>
/// The shipped household questionnaires, one per country (Templates/household-xx.json, embedded): composition,
/// vulnerable groups, difficulties, services used and wanted (from the country's classifier), access to services.
/// </summary>
public static class QuestionnaireTemplates
{
    public static IReadOnlyList<string> Countries { get; } = ["UA", "MD", "BY"];

    /// <summary>The country's template, or Ukraine's for a country without one of its own.</summary>
    public static QuestionnaireDefinition For(string? country)
    {
        var code = Countries.Contains(country?.ToUpperInvariant()) ? country!.ToLowerInvariant() : "ua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"questionnaire:household-{code}")
            ?? throw new InvalidOperationException($"The questionnaire template household-{code} is not embedded.");
        using var reader = new StreamReader(stream);
        return QuestionnaireDefinition.FromJson(reader.ReadToEnd());
    }
}
