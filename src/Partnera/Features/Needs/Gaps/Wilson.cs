namespace Partnera.Features.Needs.Gaps;

/// <summary>
/// The 95 % Wilson score interval of a proportion (k of n): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n) with z = 1.96.
/// Unlike p ± z·√(p(1−p)/n) it stays within 0–1 and does not shrink to nothing when none or all of a small sample said yes.
/// </summary>
public static class Wilson
{
    public const double Z95 = 1.96;

    /// <summary>The interval of the share; 0–1 (nothing known) when no one answered.</summary>
    public static (decimal Low, decimal High) Interval(int k, int n)
    {
        if (n <= 0) return (0m, 1m);
        double p = (double)k / n, z2 = Z95 * Z95, denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return ((decimal)Math.Max(0, centre - half), (decimal)Math.Min(1, centre + half));
    }
}
