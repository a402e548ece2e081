using System.Globalization;
using Partnera.Data;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Territories;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>The currency of a budget's amounts: that of the country its community is in (UAH, MDL, BYN).</summary>
public static class BudgetCurrency
{
    /// <summary>Where pages leave the currency for their partial views (rules, projects, results).</summary>
    public const string ViewDataKey = "BudgetCurrency";

    public static async Task<string> OfAsync(PartneraDbContext db, Guid territoryId, CancellationToken ct) =>
        CostDefaults.For((await TerritoryPath.OfAsync(db, territoryId, ct)).FirstOrDefault()?.Code).Currency;

    /// <summary>An amount with its currency, e.g. "250,000 UAH".</summary>
    public static string Money(decimal amount, object? currency, CultureInfo culture) =>
        currency is string { Length: > 0 } c ? $"{amount.ToString("N0", culture)} {c}" : amount.ToString("N0", culture);
}
