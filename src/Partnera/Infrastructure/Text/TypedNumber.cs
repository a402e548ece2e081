using System.Globalization;

namespace Partnera.Infrastructure.Text;

/// <summary>A number as people type it in any of the app's languages: a decimal comma or point.</summary>
public static class TypedNumber
{
    public static bool TryRead(string? typed, out decimal number) =>
        decimal.TryParse(typed?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out number);
}
