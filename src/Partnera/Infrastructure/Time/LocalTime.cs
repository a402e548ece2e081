namespace Partnera.Infrastructure.Time;

/// <summary>Times where a territory is: its IANA zone (UTC when the machine does not know the zone).</summary>
public static class LocalTime
{
    public static TimeZoneInfo Zone(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? tz : TimeZoneInfo.Utc;

    /// <summary>The moment in the zone.</summary>
    public static DateTimeOffset In(string zone, DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, Zone(zone));

    /// <summary>The date it is now in the zone: deadlines and opening dates are counted by it.</summary>
    public static DateOnly Today(string zone, DateTimeOffset now) => DateOnly.FromDateTime(In(zone, now).DateTime);

    /// <summary>A stored UTC time as the clock in the zone shows it.</summary>
    public static DateTime FromUtc(string zone, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zone));

    /// <summary>A time typed as the clock in the zone shows it, in UTC for storing.</summary>
    public static DateTime ToUtc(string zone, DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(zone));
}
