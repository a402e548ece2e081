using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Territories;

/// <summary>A territory's own time: its IANA time zone, and the date it is there now (deadlines and open days count by it).</summary>
public static class TerritoryClock
{
    public static Task<string> TimeZoneAsync(PartneraDbContext db, Guid territoryId, CancellationToken ct) =>
        db.Territories.Where(t => t.Id == territoryId).Select(t => t.TimeZone).SingleAsync(ct);

    public static async Task<DateOnly> TodayAsync(PartneraDbContext db, Guid territoryId, TimeProvider time, CancellationToken ct) =>
        Infrastructure.Time.LocalTime.Today(await TimeZoneAsync(db, territoryId, ct), time.GetUtcNow());
}
