using System.Globalization;

namespace Partnera.Infrastructure.Localisation;

public static class Cultures
{
    /// <summary>The languages of the UI, in the order the language switch shows them.</summary>
    public static readonly string[] Supported = ["uk", "ru", "ro", "en"];

    public const string Default = "en";

    public static IReadOnlyList<CultureInfo> All { get; } = Supported.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>The language's own name, as shown in the switch (e.g. "Українська").</summary>
    public static string NativeName(string culture) => culture switch
    {
        "uk" => "Українська",
        "ru" => "Русский",
        "ro" => "Română",
        _ => "English",
    };
}
