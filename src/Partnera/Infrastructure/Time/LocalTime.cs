namespace Partnera.Infrastructure.Time;

public static class LocalTime
{
    /// <summary>The moment in a territory's IANA time zone (UTC when the machine does not know the zone).</summary>
    public static DateTimeOffset In(string zone, DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? tz : TimeZoneInfo.Utc);
}
