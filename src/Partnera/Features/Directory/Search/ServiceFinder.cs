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
    bool OpenNow = false, bool FreeOnly = false, string? Language = null, int? Page = null, int? Size = null, bool ActiveOnly = false);

public sealed record FinderHit(Guid Id, MultilingualText Name, MultilingualText Description, Guid OrganisationId, MultilingualText Organisation,
    ServiceStatus Status, bool FreeOfCharge, DateTime? LastVerifiedAt)
{
    /// <summary>How many of the query's words the service matched, when it matched only some of them (null: all, or no words).</summary>
    public (int Matched, int Of)? PartialMatch { get; init; }
}

/// <summary>
/// The public finder: filters in SQL (category with its sub-categories, target group, territory covered, open now in
/// the service's own time zone, free of charge, language), then, when words are given, relevance from the phonetic
/// search keys: a word matches a key equal to it, one letter apart or beginning with its stem; services matching
/// more of the words come first, and names count more than descriptions.
/// A territory is the most selective filter a resident gives, so its services are fetched first and the rest of the
/// search is restricted to them by id: PostgreSQL and SQLite then probe indexes instead of hashing a whole category.
/// </summary>
public sealed class ServiceFinder(PartneraDbContext db, TerritoryTree territories, TimeProvider time)
{
    public const int MaxWords = 6;
    /// <summary>
    /// A query is read up to this many characters and each word up to <see cref="MaxWordLength"/>: every word is looked up
    /// with each of its letters left out (typos), so an unbounded word would cost the database its square.
    /// </summary>
    public const int MaxTextLength = 200;
    public const int MaxWordLength = 40;

    /// <summary>The words of a query the finder looks up, bounded in number and length.</summary>
    public static List<string> QueryWords(string? text) =>
        PhoneticKey.Words(text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text)
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w).Take(MaxWords).ToList();
    // Above this many services in a territory (a whole region or country) the territory stays a subquery.
    private const int AreaList = 5_000;

    public async Task<Page<FinderHit>> FindAsync(FinderQuery query, CancellationToken ct)
    {
        var (filtered, areaIds) = await FilterAsync(query, ct);
        if (areaIds is { Count: 0 }) return new Page<FinderHit>([], 1, Paging.Normalise(query.Page, query.Size).Size, 0);
        var words = QueryWords(query.Text);
        if (words.Count == 0)
        {
            var page = await filtered.OrderBy(s => s.Name.Value).ThenBy(s => s.Id).Select(s => s.Id).ToPageAsync(query.Page, query.Size, ct);
            return new Page<FinderHit>(await HitsAsync(page.Items, ct), page.Number, page.Size, page.TotalItems);
        }
        var ranked = await RankAsync(filtered, areaIds, words, ct);
        var (number, size) = Paging.Normalise(query.Page, query.Size);
        number = Math.Min(number, Math.Max(1, (ranked.Count + size - 1) / size));
        var onPage = ranked.Skip((number - 1) * size).Take(size).ToDictionary(r => r.Id, r => r.Matched);
        var hits = (await HitsAsync(onPage.Keys.ToList(), ct))
            .Select(h => onPage[h.Id] < words.Count ? h with { PartialMatch = (onPage[h.Id], words.Count) } : h).ToList();
        return new Page<FinderHit>(hits, number, size, ranked.Count);
    }

    /// <summary>
    /// Every matching service's id in the finder's order (relevance when words are given, else by name), for a caller
    /// that puts several searches one after another (a referral: the person's community first, then their country).
    /// </summary>
    public async Task<List<Guid>> OrderedIdsAsync(FinderQuery query, CancellationToken ct)
    {
        var (filtered, areaIds) = await FilterAsync(query, ct);
        if (areaIds is { Count: 0 }) return [];
        var words = QueryWords(query.Text);
        return words.Count == 0
            ? await filtered.OrderBy(s => s.Name.Value).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct)
            : (await RankAsync(filtered, areaIds, words, ct)).Select(r => r.Id).ToList();
    }

    /// <summary>What a result shows, in the given order; only the columns it needs.</summary>
    public async Task<List<FinderHit>> HitsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var hits = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new FinderHit(s.Id,
                new MultilingualText { Value = s.Name.Value, Translations = s.Name.Translations },
                new MultilingualText { Value = s.Description.Value, Translations = s.Description.Translations },
                s.OrganisationId,
                new MultilingualText { Value = s.Organisation!.Name.Value, Translations = s.Organisation.Name.Translations },
                s.Status, s.FreeOfCharge, s.LastVerifiedAt))
            .ToDictionaryAsync(h => h.Id, ct);
        // A service deleted between the two queries simply drops out of the page.
        return ids.Where(hits.ContainsKey).Select(id => hits[id]).ToList();
    }

    /// <summary>One word of the query: the keys equal to it (itself, one letter apart) and the beginnings of longer words it matches.</summary>
    private sealed record QueryWord(string Key, string Stem, HashSet<string> Exact, string? Prefix)
    {
        public static QueryWord For(string key) =>
            new(key, PhoneticKey.Stem(key), PhoneticKey.Variants(key).ToHashSet(), PhoneticKey.Prefix(key));

        /// <summary>The best score a stored key gives this word: its weight, one more for the word itself or its stem; 0 if it does not match.</summary>
        public int Score(string key, byte weight)
        {
            if (key == Key || key == Stem) return weight + 1;
            return Exact.Contains(key) || (Prefix is not null && key.StartsWith(Prefix, StringComparison.Ordinal)) ? weight : 0;
        }

        /// <summary>Whether the word matches a word of a place name ("Бахмут" the beginning of "Бахмутська") as it would match a key.</summary>
        public bool NamesAPlace(string[] sortedPlaceWords)
        {
            bool Has(string key) => Array.BinarySearch(sortedPlaceWords, key, StringComparer.Ordinal) >= 0;
            if (Has(Stem) || Exact.Any(Has)) return true;
            if (Prefix is null) return false;
            var at = Array.BinarySearch(sortedPlaceWords, Prefix, StringComparer.Ordinal);
            at = at < 0 ? ~at : at;
            return at < sortedPlaceWords.Length && sortedPlaceWords[at].StartsWith(Prefix, StringComparison.Ordinal);
        }
    }

    /// <summary>A range of keys (from <see cref="From"/> up to, not including, <see cref="To"/>): every key that begins with a prefix.</summary>
    private sealed class KeyRange(string prefix)
    {
        public string From { get; } = prefix;
        public string To { get; } = prefix[..^1] + (char)(prefix[^1] + 1);
    }

    /// <summary>
    /// Service ids in order of relevance: first by how many of the words a service matches (a service matching
    /// three of three words comes before one matching two), then, among those, services matching the words that name
    /// a place ("догляд вдома Бахмут": a resident wants help in Bakhmut, not the same help elsewhere), then by the sum over the words of the best weight each
    /// word found. A word matches a key equal to it or one letter apart, or a key beginning with its stem (so
    /// "психолог" finds "психологічні", "продукти" finds "продуктові"). Beginnings are ranges on the same indexed key
    /// column, so both databases answer them from the index.
    /// </summary>
    private async Task<List<(Guid Id, int Matched)>> RankAsync(IQueryable<Service> filtered, List<Guid>? areaIds, List<string> words, CancellationToken ct)
    {
        var query = words.Select(QueryWord.For).ToList();
        var all = query.SelectMany(w => w.Exact).Distinct().ToList();
        var ranges = query.Select(w => w.Prefix).OfType<string>().Distinct().Select(p => new KeyRange(p)).ToList();
        var keys = db.ServiceSearchKeys.AsNoTracking().Where(KeyMatches(all, ranges));
        // The territory's ids go on the keys themselves: the database then reads only those services' keys.
        if (areaIds is not null) keys = keys.Where(k => areaIds.Contains(k.ServiceId));
        var rows = await keys.Where(k => filtered.Any(s => s.Id == k.ServiceId))
            .Select(k => new { k.ServiceId, k.Key, k.Weight })
            .ToListAsync(ct);
        var places = await territories.PlaceWordsAsync(ct);
        var naming = query.Select(w => w.NamesAPlace(places)).ToList();
        return rows.GroupBy(r => r.ServiceId)
            .Select(g => new
            {
                Id = g.Key,
                Scores = query.Select(word => g.Max(r => word.Score(r.Key, r.Weight))).ToList(),
            })
            .Select(x => new
            {
                x.Id,
                Matched = x.Scores.Count(score => score > 0),
                InPlace = x.Scores.Where((score, i) => naming[i] && score > 0).Count(),
                Sum = x.Scores.Sum(),
            })
            .Where(x => x.Matched > 0)
            .OrderByDescending(x => x.Matched)
            .ThenByDescending(x => x.InPlace)
            .ThenByDescending(x => x.Sum)
            .ThenBy(x => x.Id)
            .Select(x => (x.Id, x.Matched))
            .ToList();
    }

    /// <summary>
    /// key IN (exact keys) OR key in one of the ranges. The ranges' ends are read from objects, so they reach the
    /// database as parameters (one cached plan per number of ranges) rather than as literals in the SQL.
    /// </summary>
    private static Expression<Func<ServiceSearchKey, bool>> KeyMatches(List<string> exact, List<KeyRange> ranges)
    {
        Expression<Func<ServiceSearchKey, bool>> match = k => exact.Contains(k.Key);
        foreach (var range in ranges)
        {
            Expression<Func<ServiceSearchKey, bool>> inRange = k => k.Key.CompareTo(range.From) >= 0 && k.Key.CompareTo(range.To) < 0;
            match = Expression.Lambda<Func<ServiceSearchKey, bool>>(
                Expression.OrElse(match.Body, ReplacingExpressionVisitor.Replace(inRange.Parameters[0], match.Parameters[0], inRange.Body)), match.Parameters);
        }
        return match;
    }

    /// <summary>
    /// The services the filters leave and, when a territory is asked for and holds a manageable number of services,
    /// their ids (an empty list: nothing there, nothing else to ask).
    /// </summary>
    private async Task<(IQueryable<Service> Services, List<Guid>? AreaIds)> FilterAsync(FinderQuery query, CancellationToken ct)
    {
        List<Guid>? areaIds = null;
        var services = db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Active || (!query.ActiveOnly && s.Status == ServiceStatus.TemporarilyClosed));
        if (query.TerritoryId is { } territoryId)
        {
            var inArea = InArea(await territories.ScopeAsync(territoryId, ct));
            var few = await inArea.Distinct().OrderBy(id => id).Take(AreaList + 1).ToListAsync(ct);
            if (few.Count == 0) return (services, few);
            if (few.Count <= AreaList) areaIds = few;
            services = areaIds is not null ? services.Where(s => areaIds.Contains(s.Id)) : services.Where(s => inArea.Contains(s.Id));
        }
        if (query.TermId is { } termId)
        {
            var terms = await TermWithChildrenAsync(termId, ct);
            services = services.Where(s => s.Terms.Any(t => terms.Contains(t.TaxonomyTermId)));
        }
        if (query.Group is { } group) services = services.Where(s => s.TargetGroups.Any(g => g.Group == group));
        if (query.FreeOnly) services = services.Where(s => s.FreeOfCharge);
        if (!string.IsNullOrWhiteSpace(query.Language)) services = services.Where(s => s.Languages.Any(l => l.Code == query.Language));
        if (query.OpenNow) services = services.Where(await OpenNowAsync(ct));
        return (services, areaIds);
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

    /// <summary>
    /// Ids of the services whose area covers the territory (it, a place above it, or one below it) or that stand in it
    /// or below it.
    /// </summary>
    private IQueryable<Guid> InArea(TerritoryScope scope)
    {
        var within = scope.Within;
        var covering = scope.Within.Concat(scope.Above).ToList();
        return db.ServiceAreas.Where(a => a.TerritoryId != null && covering.Contains(a.TerritoryId.Value)).Select(a => a.ServiceId)
            .Union(db.ServiceAtLocations.Where(l => l.Location!.TerritoryId != null && within.Contains(l.Location.TerritoryId.Value)).Select(l => l.ServiceId));
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
            var local = Infrastructure.Time.LocalTime.In(zone, time.GetUtcNow());
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
