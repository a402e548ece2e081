using System.Globalization;

namespace Partnera.Infrastructure.Text;

/// <summary>A number as people type it in any of the app's languages: a decimal comma or point, thousands apart by spaces ("50 000 000").</summary>
public static class TypedNumber
{
    private static readonly char[] GroupSpaces = [' ', '\u00A0', '\u202F'];

    public static bool TryRead(string? typed, out decimal number) =>
        decimal.TryParse(string.Concat((typed ?? "").Trim().Split(GroupSpaces)).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out number);

    /// <summary>An optional sum of money: nothing typed reads as none; otherwise a number of 0 or more, to the cent.</summary>
    public static bool TryReadAmount(string? typed, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(typed)) return true;
        if (!TryRead(typed, out var number) || number < 0) return false;
        amount = Math.Round(number, 2);
        return true;
    }
}
