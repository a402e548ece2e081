using Microsoft.AspNetCore.Http.Extensions;

namespace Partnera.Features.Shared;

/// <summary>What the pager partial needs: the page position and the current query to keep filters.</summary>
public sealed record PagerModel(int Number, int TotalPages, int TotalItems, string Path, IQueryCollection Query)
{
    public static PagerModel For<T>(Infrastructure.Paging.Page<T> page, HttpRequest request) =>
        new(page.Number, page.TotalPages, page.TotalItems, request.Path, request.Query);

    public string UrlFor(int number)
    {
        var query = new QueryBuilder(Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Path + query.ToQueryString();
    }
}
