namespace Partnera.Features.Organisations;

public static class WorkingWeek
{
    /// <summary>Monday first, as the week is written in Ukraine, Moldova and Belarus.</summary>
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
