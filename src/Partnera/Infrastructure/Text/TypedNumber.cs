using System.Globalization;

namespace Partnera.Infrastructure.Text;

/// <summary>A number as people type it in any of the app's languages: a decimal comma or point, thousands apart by spaces ("50 000 000").</summary>
public static class TypedNumber
{
    private static readonly char[] GroupSpaces = [' ', '\u00A0', '\u202F'];

    public static bool TryRead(string? typed, out decimal number) =>
        decimal.TryParse(string.Concat((typed ?? "").Trim().Split(GroupSpaces)).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out number);
}
