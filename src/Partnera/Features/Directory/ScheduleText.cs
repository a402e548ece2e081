using System.Globalization;

namespace Partnera.Features.Directory;

/// <summary>
/// Writes weekly schedules the way a reception sign does: days that share hours together, the hours of one day
/// joined (so a lunch break shows as "08:30–13:00, 14:00–17:30").
/// </summary>
public static class ScheduleText
{
    private static readonly string[] Codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public sealed record Line(string Days, string Hours);

    public static IReadOnlyList<Line> Describe(IEnumerable<Schedule> schedules, CultureInfo culture)
    {
        var weekly = schedules.Where(s => s.OpensAt is not null && s.ClosesAt is not null && !string.IsNullOrEmpty(s.ByDay)).ToList();
        var hoursByDay = Codes.Select(code => string.Join(", ", weekly
                .Where(s => s.ByDay!.Split(',').Select(d => d.Trim()).Contains(code))
                .OrderBy(s => s.OpensAt)
                .Select(s => $"{s.OpensAt:HH\\:mm}–{s.ClosesAt:HH\\:mm}")))
            .ToList();
        var lines = new List<Line>();
        for (var i = 0; i < 7;)
        {
            var j = i;
            while (j + 1 < 7 && hoursByDay[j + 1] == hoursByDay[i]) j++;
            if (hoursByDay[i].Length > 0)
            {
                var names = culture.DateTimeFormat;
                var days = i == j ? names.GetDayName(Days[i]) : $"{names.GetAbbreviatedDayName(Days[i])}–{names.GetAbbreviatedDayName(Days[j])}";
                lines.Add(new Line(days, hoursByDay[i]));
            }
            i = j + 1;
        }
        return lines;
    }
}
