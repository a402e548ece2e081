using System.Reflection;
using System.Text.Json;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Costing;

/// <summary>
/// A country's starting assumptions for costing (Defaults/unit-costs-xx.json, embedded): the annual cost of serving
/// one person (or one household, for the categories counted in households) per service category, the currency, and
/// the usual split between funding sources, with where they come from.
/// </summary>
public sealed class CostDefaults
{
    public string Country { get; set; } = "";
    public string Currency { get; set; } = "";
    /// <summary>Where the figures come from, per language.</summary>
    public Dictionary<string, string> Source { get; set; } = [];
    public Dictionary<FundingSource, decimal> Split { get; set; } = [];
    public Dictionary<string, decimal> Costs { get; set; } = [];
    /// <summary>The categories counted in households (family support, in-kind help); every other category is counted in people.</summary>
    public HashSet<string> Households { get; set; } = [];

    /// <summary>What a category's need, places and unit cost are counted in.</summary>
    public CountingUnit UnitOf(string term) => Households.Contains(term) ? CountingUnit.Household : CountingUnit.Person;

    /// <summary>The funding sources a cost is split between.</summary>
    public static readonly FundingSource[] Sources = [FundingSource.LocalBudget, FundingSource.StateBudget, FundingSource.Donor, FundingSource.Other];

    // Read from the embedded file once per country: the gap, cost and budget pages ask for them on every request. Never changed after reading.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CostDefaults> Read = new();

    public static CostDefaults For(string? country)
    {
        var code = QuestionnaireTemplates.Countries.Contains(country?.ToUpperInvariant()) ? country!.ToLowerInvariant() : "ua";
        return Read.GetOrAdd(code, Load);
    }

    private static CostDefaults Load(string code)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"costing:unit-costs-{code}")
            ?? throw new InvalidOperationException($"The cost defaults unit-costs-{code} are not embedded.");
        return JsonSerializer.Deserialize<CostDefaults>(stream, QuestionnaireDefinition.Json) ?? throw new JsonException("Empty cost defaults.");
    }
}

/// <summary>A campaign's own costing choices (stored as JSON on the campaign): its split between funding sources and unit costs per community.</summary>
public sealed class CostSettings
{
    /// <summary>Shares per funding source summing to 1; none means the country's usual split.</summary>
    public Dictionary<FundingSource, decimal>? Split { get; set; }
    public List<UnitCostOverride> Overrides { get; set; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, QuestionnaireDefinition.Json);

    public static CostSettings FromJson(string? json) => json is null ? new() : JsonSerializer.Deserialize<CostSettings>(json, QuestionnaireDefinition.Json) ?? new();
}

/// <summary>The unit cost a community sets for a category, replacing the directory's and the country's.</summary>
public sealed record UnitCostOverride(Guid Community, string Term, decimal UnitCost)
{
    /// <summary>The most a year of one person's or household's service may be said to cost (as a service's own unit cost).</summary>
    public const decimal Largest = 1_000_000_000m;
}
