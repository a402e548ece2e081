using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Partnera.Data;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Search;

/// <summary>What a resident asks the finder.</summary>
public sealed record FinderQuery(string? Text = null, Guid? TermId = null, TargetGroup? Group = null, Guid? TerritoryId = null,
    bool OpenNow = false, bool FreeOnly = false, string? Language = null, int? Page = null, int? Size = null);

public sealed record FinderHit(Guid Id, MultilingualText Name, MultilingualText Description, Guid OrganisationId, MultilingualText Organisation,
    ServiceStatus Status, bool FreeOfCharge, DateTime? LastVerifiedAt);

/// <summary>
/// The public finder: filters in SQL (category with its sub-categories, target group, territory covered, open now in
/// the service's own time zone, free of charge, language), then, when words are given, relevance from the phonetic
/// search keys: every word must match (exactly or one letter apart), names count more than descriptions.
/// </summary>
public sealed class ServiceFinder(PartneraDbContext db, TimeProvider time)
{
    public const int MaxWords = 6;
    private const int CandidateList = 2_000;

    public async Task<Page<FinderHit>> FindAsync(FinderQuery query, CancellationToken ct)
    {
        var filtered = await FilterAsync(query, ct);
        var words = PhoneticKey.Words(query.Text).Take(MaxWords).ToList();
        if (words.Count == 0)
            return await filtered.OrderBy(s => s.Name.Value).ThenBy(s => s.Id).Select(Hit).ToPageAsync(query.Page, query.Size, ct);

        var ranked = await RankAsync(filtered, words, ct);
        var (number, size) = Paging.Normalise(query.Page, query.Size);
        number = Math.Min(number, Math.Max(1, (ranked.Count + size - 1) / size));
        var pageIds = ranked.Skip((number - 1) * size).Take(size).ToList();
        var hits = await db.Services.AsNoTracking().Where(s => pageIds.Contains(s.Id)).Select(Hit).ToListAsync(ct);
        return new Page<FinderHit>(pageIds.Select(id => hits.Single(h => h.Id == id)).ToList(), number, size, ranked.Count);
    }

    private static readonly Expression<Func<Service, FinderHit>> Hit = s =>
        new FinderHit(s.Id, s.Name, s.Description, s.OrganisationId, s.Organisation!.Name, s.Status, s.FreeOfCharge, s.LastVerifiedAt);

    /// <summary>Service ids in order of relevance: the sum over the words of the best weight each word found.</summary>
    private async Task<List<Guid>> RankAsync(IQueryable<Service> filtered, List<string> words, CancellationToken ct)
    {
        var variants = words.Select(w => PhoneticKey.Variants(w).ToHashSet()).ToList();
        var all = variants.SelectMany(v => v).Distinct().ToList();
        // Filters usually leave few services: then their ids go into the key lookup as a list; otherwise as a subquery.
        var candidates = filtered.Select(s => s.Id);
        var few = await candidates.Take(CandidateList + 1).ToListAsync(ct);
        var keys = db.ServiceSearchKeys.AsNoTracking().Where(k => all.Contains(k.Key));
        keys = few.Count <= CandidateList ? keys.Where(k => few.Contains(k.ServiceId)) : keys.Where(k => candidates.Contains(k.ServiceId));
        var rows = await keys.Select(k => new { k.ServiceId, k.Key, k.Weight }).ToListAsync(ct);
        return rows.GroupBy(r => r.ServiceId)
            .Select(g => new
            {
                Id = g.Key,
                // The word itself scores one more than a one-letter-off variant of it.
                Scores = words.Select((word, i) => g.Where(r => variants[i].Contains(r.Key)).Select(r => r.Weight + (r.Key == word ? 1 : 0)).DefaultIfEmpty(0).Max()).ToList(),
            })
            .Where(x => x.Scores.All(score => score > 0))
            .OrderByDescending(x => x.Scores.Sum())
            .ThenBy(x => x.Id)
            .Select(x => x.Id)
            .ToList();
    }

    private async Task<IQueryable<Service>> FilterAsync(FinderQuery query, CancellationToken ct)
    {
        var services = db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed);
        if (query.TermId is { } termId)
        {
            var terms = await TermWithChildrenAsync(termId, ct);
            var inCategory = db.ServiceTerms.Where(t => terms.Contains(t.TaxonomyTermId)).Select(t => t.ServiceId);
            services = services.Where(s => inCategory.Contains(s.Id));
        }
        if (query.Group is { } group) services = services.Where(s => s.TargetGroups.Any(g => g.Group == group));
        if (query.FreeOnly) services = services.Where(s => s.FreeOfCharge);
        if (!string.IsNullOrWhiteSpace(query.Language)) services = services.Where(s => s.Languages.Any(l => l.Code == query.Language));
        if (query.TerritoryId is { } territoryId) services = await CoveringAsync(services, territoryId, ct);
        if (query.OpenNow) services = services.Where(await OpenNowAsync(ct));
        return services;
    }

    // Classifiers are reference data loaded at start-up: a category's sub-categories are cached (only a cache: a miss reads the database).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, List<Guid>> TermChildren = new();

    private async Task<List<Guid>> TermWithChildrenAsync(Guid termId, CancellationToken ct)
    {
        if (TermChildren.TryGetValue(termId, out var cached)) return cached;
        var terms = await db.TaxonomyTerms.Where(t => t.Id == termId || t.ParentId == termId).Select(t => t.Id).ToListAsync(ct);
        if (terms.Count > 0) TermChildren[termId] = terms;
        return terms;
    }

    /// <summary>Services whose area covers the territory (it, a place above it, or one below it) or that stand in it.</summary>
    private async Task<IQueryable<Service>> CoveringAsync(IQueryable<Service> services, Guid territoryId, CancellationToken ct)
    {
        // The tree has four levels: the territory and its ancestors come in one query.
        var path = await db.Territories.Where(t => t.Id == territoryId)
            .Select(t => new { t.Id, P1 = t.ParentId, P2 = t.Parent!.ParentId, P3 = t.Parent.Parent!.ParentId })
            .FirstOrDefaultAsync(ct);
        var above = path is null ? [] : new[] { path.Id, path.P1, path.P2, path.P3 }.OfType<Guid>().ToList();
        var below = await db.Territories.Where(t => t.ParentId == territoryId
                || (t.Parent != null && (t.Parent.ParentId == territoryId || (t.Parent.Parent != null && t.Parent.Parent.ParentId == territoryId))))
            .Select(t => t.Id).ToListAsync(ct);
        var covering = above.Concat(below).Distinct().ToList();
        var within = below.Append(territoryId).ToList();
        // Start from the indexed side (areas and places of these territories), not from every service.
        var inArea = db.ServiceAreas.Where(a => a.TerritoryId != null && covering.Contains(a.TerritoryId.Value)).Select(a => a.ServiceId)
            .Union(db.ServiceAtLocations.Where(l => l.Location!.TerritoryId != null && within.Contains(l.Location.TerritoryId.Value)).Select(l => l.ServiceId));
        return services.Where(s => inArea.Contains(s.Id));
    }

    /// <summary>
    /// Open now, each service in its own time zone: for every zone in use, that zone's weekday and time must fall in
    /// one of the service's schedules (a lunch break is the gap between two schedules).
    /// </summary>
    private async Task<Expression<Func<Service, bool>>> OpenNowAsync(CancellationToken ct)
    {
        var zones = await db.Services.Select(s => s.TimeZone).Distinct().ToListAsync(ct);
        Expression<Func<Service, bool>> open = s => false;
        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? tz : TimeZoneInfo.Utc);
            var day = DayCodes[(int)local.DayOfWeek];
            var now = TimeOnly.FromDateTime(local.DateTime);
            var today = DateOnly.FromDateTime(local.DateTime);
            Expression<Func<Service, bool>> inZone = s => s.TimeZone == zone && s.Schedules.Any(x =>
                x.ByDay != null && x.ByDay.Contains(day) && x.OpensAt <= now && x.ClosesAt > now
                && (x.ValidFrom == null || x.ValidFrom <= today) && (x.ValidTo == null || x.ValidTo >= today));
            open = Or(open, inZone);
        }
        return open;
    }

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private static Expression<Func<Service, bool>> Or(Expression<Func<Service, bool>> a, Expression<Func<Service, bool>> b) =>
        Expression.Lambda<Func<Service, bool>>(
            Expression.OrElse(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters);
}
