using Microsoft.EntityFrameworkCore;

namespace Partnera.Infrastructure.Paging;

/// <summary>One page of a list and what is needed to show the pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalItems)
{
    public int TotalPages => Math.Max(1, (TotalItems + Size - 1) / Size);
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < TotalPages;
}

public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Clamps what a user asked for to a valid page number and size.</summary>
    public static (int Number, int Size) Normalise(int? number, int? size) =>
        (Math.Max(1, number ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    /// <summary>Counts and takes one page in two queries; the query must already be ordered.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? number, int? size, CancellationToken ct = default)
    {
        var (n, s) = Normalise(number, size);
        var total = await query.CountAsync(ct);
        var lastPage = Math.Max(1, (total + s - 1) / s);
        n = Math.Min(n, lastPage);
        var items = await query.Skip((n - 1) * s).Take(s).ToListAsync(ct);
        return new Page<T>(items, n, s, total);
    }

    /// <summary>One page of a list already in memory (worked out whole, such as a ranking or an analysis).</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> items, int? number, int? size = null)
    {
        var (n, s) = Normalise(number, size);
        n = Math.Min(n, Math.Max(1, (items.Count + s - 1) / s));
        return new Page<T>(items.Skip((n - 1) * s).Take(s).ToList(), n, s, items.Count);
    }
}

/// <summary>A page of an API list: the same fields for every list of the JSON API.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int Size, int TotalItems, int TotalPages)
{
    public static PageDto<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Number, page.Size, page.TotalItems, page.TotalPages);
}
