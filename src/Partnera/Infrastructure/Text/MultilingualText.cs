using System.Globalization;

namespace Partnera.Infrastructure.Text;

/// <summary>
/// A name or text as officially written (<see cref="Value"/>) plus its translations keyed by
/// two-letter language code. Stored as two columns: the value (sortable, indexable) and a JSON map.
/// </summary>
public sealed class MultilingualText
{
    public string Value { get; set; } = "";

    public Dictionary<string, string> Translations { get; set; } = [];

    public MultilingualText() { }

    public MultilingualText(string value, IDictionary<string, string>? translations = null)
    {
        Value = value;
        if (translations is not null)
        {
            foreach (var (lang, text) in translations)
            {
                if (!string.IsNullOrWhiteSpace(text)) Translations[lang] = text.Trim();
            }
        }
    }

    /// <summary>The text in the given culture's language, falling back to the value as written.</summary>
    public string In(CultureInfo culture) =>
        Translations.TryGetValue(culture.TwoLetterISOLanguageName, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : Value;

    /// <summary>The text in the current UI language.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);

    public IEnumerable<string> AllForms() => Translations.Values.Prepend(Value).Where(t => !string.IsNullOrWhiteSpace(t));
}
