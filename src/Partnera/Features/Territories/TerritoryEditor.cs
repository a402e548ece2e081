using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>
/// The one place territories are created and changed (pages, API and import all come here), so the
/// tree's rules hold everywhere: a level sits under the level above it, codes are unique, time zones exist.
/// </summary>
public sealed class TerritoryEditor(PartneraDbContext db)
{
    /// <summary>A rule broken by an input: the field and the resource key of the message.</summary>
    public sealed record RuleError(string Field, string Key);

    /// <summary>What the rules need to know about the rest of the tree.</summary>
    public sealed record TreeFacts(bool CodeTaken, TerritoryLevel? ParentLevel, bool ChildrenClash);

    public async Task<List<RuleError>> CheckAsync(TerritoryInput input, Guid? id, CancellationToken ct)
    {
        var code = Normalise(input.Code);
        var codeTaken = code is not null && await db.Territories.AnyAsync(t => t.Code == code && t.Id != id, ct);
        var parentLevel = input.ParentId is null ? null
            : await db.Territories.Where(t => t.Id == input.ParentId).Select(t => (TerritoryLevel?)t.Level).FirstOrDefaultAsync(ct);
        var childrenClash = id is not null && input.Level is { } level
            && await db.Territories.AnyAsync(t => t.ParentId == id && t.Level != level + 1, ct);
        return Check(input, id, new TreeFacts(codeTaken, parentLevel, childrenClash));
    }

    public static List<RuleError> Check(TerritoryInput input, Guid? id, TreeFacts facts)
    {
        var errors = new List<RuleError>();
        if (input.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone.Trim(), out _))
            errors.Add(new(nameof(input.TimeZone), "Territory_UnknownTimeZone"));
        if (facts.CodeTaken) errors.Add(new(nameof(input.Code), "Territory_CodeTaken"));
        if (input.Level == TerritoryLevel.Country)
        {
            if (input.ParentId is not null) errors.Add(new(nameof(input.ParentId), "Territory_CountryHasNoParent"));
        }
        else if (input.Level is { } level)
        {
            if (facts.ParentLevel is null) errors.Add(new(nameof(input.ParentId), "Territory_ParentRequired"));
            else if (facts.ParentLevel != level - 1 || (id is not null && input.ParentId == id))
                errors.Add(new(nameof(input.ParentId), "Territory_ParentWrongLevel"));
        }
        if (facts.ChildrenClash) errors.Add(new(nameof(input.Level), "Territory_LevelClashesWithChildren"));
        return errors;
    }

    /// <summary>Applies an input already checked by <see cref="CheckAsync"/>; the caller saves.</summary>
    public static void Apply(Territory territory, TerritoryInput input)
    {
        territory.Name = Translations.ToText(input.Name!, input.NameTranslations);
        territory.Level = input.Level!.Value;
        territory.ParentId = input.Level == TerritoryLevel.Country ? null : input.ParentId;
        territory.Code = Normalise(input.Code);
        territory.CodeSystem = string.IsNullOrWhiteSpace(input.CodeSystem) ? null : input.CodeSystem.Trim();
        territory.Population = input.Population;
        territory.PopulationIsEstimate = input.PopulationIsEstimate;
        territory.TimeZone = input.TimeZone!.Trim();
        territory.RefreshSearchText();
    }

    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
}
