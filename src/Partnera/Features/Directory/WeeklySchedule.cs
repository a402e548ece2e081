using Partnera.Features.Organisations;

namespace Partnera.Features.Directory;

/// <summary>
/// Converts between the week-table staff fill in (a day's hours with an optional break) and HSDS schedules
/// (one schedule per distinct interval, with the days that share it in BYDAY).
/// </summary>
public static class WeeklySchedule
{
    private static readonly (DayOfWeek Day, string Code)[] Week =
    [
        (DayOfWeek.Monday, "MO"), (DayOfWeek.Tuesday, "TU"), (DayOfWeek.Wednesday, "WE"), (DayOfWeek.Thursday, "TH"),
        (DayOfWeek.Friday, "FR"), (DayOfWeek.Saturday, "SA"), (DayOfWeek.Sunday, "SU"),
    ];

    public static List<Schedule> ToSchedules(Guid serviceId, IEnumerable<WorkingDayInput> days) =>
        days.Where(d => d.Opens is not null && d.Closes is not null)
            .SelectMany(d => Intervals(d).Select(i => (d.Day, i.Opens, i.Closes)))
            .GroupBy(x => (x.Opens, x.Closes))
            .OrderBy(g => g.Key.Opens)
            .Select(g => new Schedule
            {
                ServiceId = serviceId,
                Freq = ScheduleFrequency.Weekly,
                ByDay = string.Join(',', Week.Where(w => g.Any(x => x.Day == w.Day)).Select(w => w.Code)),
                OpensAt = g.Key.Opens,
                ClosesAt = g.Key.Closes,
            })
            .ToList();

    /// <summary>The week-table of existing schedules: one interval is a day, two are a day with a break.</summary>
    public static List<WorkingDayInput> ToDays(IEnumerable<Schedule> schedules)
    {
        var weekly = schedules.Where(s => s.OpensAt is not null && s.ClosesAt is not null && !string.IsNullOrEmpty(s.ByDay)).ToList();
        return Week.Select(w =>
        {
            var intervals = weekly.Where(s => s.ByDay!.Split(',').Select(c => c.Trim()).Contains(w.Code)).OrderBy(s => s.OpensAt).ToList();
            return intervals.Count switch
            {
                0 => new WorkingDayInput { Day = w.Day },
                1 => new WorkingDayInput { Day = w.Day, Opens = intervals[0].OpensAt, Closes = intervals[0].ClosesAt },
                _ => new WorkingDayInput
                {
                    Day = w.Day,
                    Opens = intervals[0].OpensAt,
                    BreakStarts = intervals[0].ClosesAt,
                    BreakEnds = intervals[1].OpensAt,
                    Closes = intervals[^1].ClosesAt,
                },
            };
        }).ToList();
    }

    public static List<WorkingDayInput> FullWeek(IEnumerable<WorkingDayInput> days) =>
        Week.Select(w => days.FirstOrDefault(d => d.Day == w.Day) ?? new WorkingDayInput { Day = w.Day }).ToList();

    private static IEnumerable<(TimeOnly Opens, TimeOnly Closes)> Intervals(WorkingDayInput d)
    {
        if (d.BreakStarts is { } from && d.BreakEnds is { } to)
        {
            yield return (d.Opens!.Value, from);
            yield return (to, d.Closes!.Value);
        }
        else yield return (d.Opens!.Value, d.Closes!.Value);
    }
}
