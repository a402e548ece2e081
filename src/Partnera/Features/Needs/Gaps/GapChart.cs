using System.Globalization;
using System.Text.Json;
using Partnera.Features.Directory;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Gaps;

/// <summary>The figures wwwroot/js/gap-chart.js draws, as JSON: labels, named series of values, and whether the series stack.</summary>
public static class GapChart
{
    /// <summary>
    /// Each community's gap (of those given, else all) in each unit apart, and the previous campaign's when there is one:
    /// places for people and places for households are never added into one bar.
    /// </summary>
    public static string PerCommunity(GapResult result, CultureInfo culture, Func<CountingUnit, string> gap, Func<CountingUnit, string> previousGap,
        IReadOnlyList<(Guid Id, MultilingualText Name)>? shown = null)
    {
        var communities = shown ?? result.Communities;
        var totals = result.Rows.GroupBy(r => (r.CommunityId, r.Unit)).ToDictionary(g => g.Key, g => (Gap: g.Sum(r => r.Gap), Previous: g.Sum(r => r.PreviousGap ?? 0)));
        var series = new List<object>();
        foreach (var unit in result.Units)
        {
            series.Add(new { name = gap(unit), values = communities.Select(c => totals.GetValueOrDefault((c.Id, unit)).Gap) });
            if (result.PreviousId is not null) series.Add(new { name = previousGap(unit), values = communities.Select(c => totals.GetValueOrDefault((c.Id, unit)).Previous) });
        }
        return JsonSerializer.Serialize(new { labels = communities.Select(c => c.Name.In(culture)), series });
    }

    /// <summary>One community's need, capacity and gap per service category (each bar in its category's own unit).</summary>
    public static string PerCategory(IReadOnlyList<GapRow> rows, CultureInfo culture, string need, string capacity, string gap) =>
        JsonSerializer.Serialize(new
        {
            labels = rows.Select(r => r.Category.In(culture)),
            series = new[]
            {
                new { name = need, values = rows.Select(r => r.EstimatedNeed) },
                new { name = capacity, values = rows.Select(r => (decimal)r.Capacity) },
                new { name = gap, values = rows.Select(r => r.Gap) },
            },
        });

    /// <summary>What each labelled row costs, stacked by who is assumed to pay which part (names already carry the currency).</summary>
    public static string BySource(IEnumerable<(string Label, IReadOnlyDictionary<FundingSource, decimal> Shares)> rows, IReadOnlyList<FundingSource> sources,
        Func<FundingSource, string> name)
    {
        var list = rows.ToList();
        return JsonSerializer.Serialize(new
        {
            labels = list.Select(r => r.Label),
            series = sources.Select(s => new { name = name(s), values = list.Select(r => r.Shares.GetValueOrDefault(s)) }),
            stacked = true,
        });
    }
}
