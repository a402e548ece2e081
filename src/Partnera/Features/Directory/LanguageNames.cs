using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Partnera.Features.Directory;

public static class LanguageNames
{
    /// <summary>A language code's name in the UI language (from the resources for the platform's languages, else from ICU).</summary>
    public static string LanguageName(this IStringLocalizer<DirectoryStrings> t, string code)
    {
        var name = t[$"Language_{code}"];
        if (!name.ResourceNotFound) return name;
        try { return CultureInfo.GetCultureInfo(code).NativeName; }
        catch (CultureNotFoundException) { return code; }
    }
}
