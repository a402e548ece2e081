using System.Globalization;

namespace Partnera.Features.Needs.Gaps;

/// <summary>An estimate as the report and its PDF print it: the figure, then its 95 % range in brackets when it has one.</summary>
public static class RangeText
{
    public static string Ranged(decimal value, (decimal Low, decimal High)? range, CultureInfo culture) =>
        value.ToString("N0", culture) + (range is { } x ? $" ({x.Low.ToString("N0", culture)}–{x.High.ToString("N0", culture)})" : "");
}
