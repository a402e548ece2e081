using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;

namespace Partnera.Features.Planning;

/// <summary>What a published version of a plan said: its goals and measures with everything a reader compares.</summary>
public sealed record PlanSnapshot(string Title, int FirstYear, int LastYear, List<GoalSnapshot> Goals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot FromJson(string json) => JsonSerializer.Deserialize<PlanSnapshot>(json, Json)!;

    public IEnumerable<(GoalSnapshot Goal, MeasureSnapshot Measure)> Measures => Goals.SelectMany(g => g.Measures.Select(m => (g, m)));

    /// <summary>The plan as it stands now, read in a few queries (goals and measures with their money, partners and gaps).</summary>
    public static async Task<PlanSnapshot> OfAsync(PartneraDbContext db, Guid planId, CancellationToken ct)
    {
        var plan = await db.CommunityPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Measures).ThenInclude(m => m.Budget)
            .Include(p => p.Goals).ThenInclude(g => g.Measures).ThenInclude(m => m.Partners)
            .Include(p => p.Goals).ThenInclude(g => g.Measures).ThenInclude(m => m.Gaps)
            .AsSplitQuery().SingleAsync(p => p.Id == planId, ct);
        var measures = plan.Goals.SelectMany(g => g.Measures).ToList();
        var ids = measures.SelectMany(m => m.Partners.Select(p => (Guid?)p.OrganisationId).Append(m.ResponsibleId)).OfType<Guid>().Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name.Value, ct);
        return new PlanSnapshot(plan.Title.Value, plan.FirstYear, plan.LastYear, plan.Goals.OrderBy(g => g.Number).Select(g => new GoalSnapshot(g.Id, g.Number, g.Title.Value,
            g.Measures.OrderBy(m => m.Id).Select(m => new MeasureSnapshot(m.Id, m.Title.Value, m.TermCode, m.TargetGroup, m.ExpectedUsers,
                m.ResponsibleId is { } r ? names.GetValueOrDefault(r) : null, m.Partners.Select(p => names.GetValueOrDefault(p.OrganisationId) ?? "").Order().ToList(),
                m.StartsOn, m.EndsOn, m.Budget.OrderBy(b => b.Year).ThenBy(b => b.Source).ToDictionary(b => $"{b.Year} {b.Source}", b => b.Amount),
                m.Gaps.Sum(x => x.Closes))).ToList())).ToList());
    }
}

public sealed record GoalSnapshot(Guid Id, int Number, string Title, List<MeasureSnapshot> Measures);

public sealed record MeasureSnapshot(Guid Id, string Title, string? TermCode, TargetGroup? TargetGroup, int ExpectedUsers, string? Responsible,
    List<string> Partners, DateOnly? StartsOn, DateOnly? EndsOn, Dictionary<string, decimal> Budget, decimal Closes)
{
    public decimal BudgetTotal => Budget.Values.Sum();
}

/// <summary>One measure's difference between two versions: added, removed, or the fields that changed with their old and new values.</summary>
public sealed record MeasureChange(MeasureChangeKind Kind, string Goal, string Title, IReadOnlyList<(string FieldKey, string Before, string After)> Fields);

public enum MeasureChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>Compares two versions measure by measure (a measure keeps its identity across versions, so a renamed one is "changed", not removed and added).</summary>
public static class PlanChanges
{
    public static List<MeasureChange> Between(PlanSnapshot from, PlanSnapshot to, CultureInfo culture, Func<TargetGroup?, string> group, Func<string, string> source)
    {
        var before = from.Measures.ToDictionary(x => x.Measure.Id);
        var after = to.Measures.ToDictionary(x => x.Measure.Id);
        var changes = new List<MeasureChange>();
        foreach (var (goal, measure) in to.Measures)
        {
            if (!before.TryGetValue(measure.Id, out var old)) changes.Add(new(MeasureChangeKind.Added, Goal(goal), measure.Title, []));
            else if (Fields(old.Goal, old.Measure, goal, measure, culture, group, source) is { Count: > 0 } fields) changes.Add(new(MeasureChangeKind.Changed, Goal(goal), measure.Title, fields));
        }
        changes.AddRange(from.Measures.Where(x => !after.ContainsKey(x.Measure.Id)).Select(x => new MeasureChange(MeasureChangeKind.Removed, Goal(x.Goal), x.Measure.Title, [])));
        return changes;
    }

    private static string Goal(GoalSnapshot goal) => $"{goal.Number}. {goal.Title}";

    private static List<(string, string, string)> Fields(GoalSnapshot oldGoal, MeasureSnapshot a, GoalSnapshot newGoal, MeasureSnapshot b, CultureInfo culture,
        Func<TargetGroup?, string> group, Func<string, string> source)
    {
        string Date(DateOnly? d) => d?.ToString("d", culture) ?? "—";
        string Money(decimal m) => m.ToString("N0", culture);
        // Budget keys are "year source": the source is named in the reader's language.
        string Budget(MeasureSnapshot m) => string.Join("; ", m.Budget.Select(x => $"{x.Key.Split(' ')[0]} {source(x.Key.Split(' ')[^1])}: {Money(x.Value)}"));
        var pairs = new (string Key, string Before, string After)[]
        {
            ("Measure_Goal", Goal(oldGoal), Goal(newGoal)),
            ("Measure_Title", a.Title, b.Title),
            ("Measure_Category", a.TermCode ?? "—", b.TermCode ?? "—"),
            ("Measure_TargetGroup", group(a.TargetGroup), group(b.TargetGroup)),
            ("Measure_ExpectedUsers", a.ExpectedUsers.ToString("N0", culture), b.ExpectedUsers.ToString("N0", culture)),
            ("Measure_Responsible", a.Responsible ?? "—", b.Responsible ?? "—"),
            ("Measure_Partners", string.Join(", ", a.Partners), string.Join(", ", b.Partners)),
            ("Measure_StartsOn", Date(a.StartsOn), Date(b.StartsOn)),
            ("Measure_EndsOn", Date(a.EndsOn), Date(b.EndsOn)),
            ("Measure_Budget", $"{Money(a.BudgetTotal)} ({Budget(a)})", $"{Money(b.BudgetTotal)} ({Budget(b)})"),
            ("Coverage_Closed", a.Closes.ToString("N0", culture), b.Closes.ToString("N0", culture)),
        };
        return pairs.Where(p => p.Before != p.After).Select(p => (p.Key, p.Before, p.After)).ToList();
    }
}
