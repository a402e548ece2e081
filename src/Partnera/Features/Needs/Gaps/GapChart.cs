using System.Globalization;
using System.Text.Json;

namespace Partnera.Features.Needs.Gaps;

/// <summary>The figures wwwroot/js/gap-chart.js draws, as JSON: labels and named series of values.</summary>
public static class GapChart
{
    /// <summary>Each community's total gap (of those given, else all), and the previous campaign's when there is one.</summary>
    public static string PerCommunity(GapResult result, CultureInfo culture, string gap, string previousGap, IReadOnlyList<(Guid Id, Infrastructure.Text.MultilingualText Name)>? shown = null)
    {
        var communities = shown ?? result.Communities;
        decimal Total(Guid community, Func<GapRow, decimal> value) => result.Rows.Where(r => r.CommunityId == community).Sum(value);
        var series = new List<object> { new { name = gap, values = communities.Select(c => Total(c.Id, r => r.Gap)) } };
        if (result.PreviousId is not null) series.Add(new { name = previousGap, values = communities.Select(c => Total(c.Id, r => r.PreviousGap ?? 0)) });
        return JsonSerializer.Serialize(new { labels = communities.Select(c => c.Name.In(culture)), series });
    }

    /// <summary>One community's need, capacity and gap per service category.</summary>
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
}
