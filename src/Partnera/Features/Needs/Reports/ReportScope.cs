using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Reports;

/// <summary>
/// Which of a campaign's communities a report covers (all, or those within one area) and what its rows are: one per
/// community up to <see cref="MostCommunitiesListed"/>, else one per area a level below (the regions of a national
/// campaign, the districts of a region), so that the page stays small and each area opens as a report of its own.
/// </summary>
/// <param name="AreaName">The name of the area asked for (none when the report covers the whole campaign).</param>
public sealed record ReportScope(Guid? Area, MultilingualText? AreaName, IReadOnlyDictionary<Guid, Guid> RowOf, bool RowsAreAreas)
{
    public const int MostCommunitiesListed = 50;

    public int Communities => RowOf.Count;

    /// <param name="requested">The area asked for; one that holds none of the campaign's communities is ignored.</param>
    /// <param name="addUp">Whether many communities become rows per area (pages and PDF) or stay one row each (Excel).</param>
    public static async Task<ReportScope> ForAsync(PartneraDbContext db, TerritoryTree tree, IEnumerable<Guid> communities, Guid? requested, bool addUp, CancellationToken ct)
    {
        var paths = new Dictionary<Guid, List<Guid>>();
        foreach (var community in communities) paths[community] = [.. (await tree.ScopeAsync(community, ct)).Above.Reverse(), community];
        var area = requested is { } asked && paths.Values.Any(p => p.Contains(asked)) ? asked : Above(paths.Values);
        var inside = paths.Where(p => area is null || p.Value.Contains(area.Value)).ToList();
        var rowsAreAreas = addUp && inside.Count > MostCommunitiesListed;
        var rowOf = inside.ToDictionary(p => p.Key, p => rowsAreAreas ? Below(p.Value, area) : p.Key);
        var name = area is null || area != requested ? null : await db.Territories.AsNoTracking().Where(t => t.Id == area).Select(t => t.Name).SingleAsync(ct);
        return new ReportScope(area, name, rowOf, rowsAreAreas);
    }

    /// <summary>The deepest place above all the communities (null when they share none).</summary>
    private static Guid? Above(IEnumerable<List<Guid>> paths)
    {
        List<Guid>? common = null;
        foreach (var path in paths)
        {
            var above = path[..^1];
            common = common is null ? above : [.. common.Zip(above).TakeWhile(p => p.First == p.Second).Select(p => p.First)];
        }
        return common is { Count: > 0 } ? common[^1] : null;
    }

    /// <summary>The place right below the area on a community's path: the row the community is added up in.</summary>
    private static Guid Below(List<Guid> path, Guid? area) => area is null ? path[0] : path[path.IndexOf(area.Value) + 1];
}
