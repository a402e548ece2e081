using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory.Hsds;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Taxonomies;

/// <summary>The categories a service can carry (every shipped classifier but Partnera's extension terms), for selects.</summary>
public static class ServiceCategories
{
    public sealed record Option(Guid Id, MultilingualText Name, MultilingualText Taxonomy, bool IsParent, string Code, string? Country = null)
    {
        /// <summary>Whether the category's code or name in any language holds the words typed (letters in either alphabet).</summary>
        public bool Matches(string? query)
        {
            var key = SearchKey.For(query);
            return key.Length == 0 || Code.StartsWith(query!.Trim(), StringComparison.OrdinalIgnoreCase)
                || key.Split(' ').All(SearchKey.For(Name.AllForms().Append(Code)).Contains);
        }
    }

    public static Task<List<Option>> LoadAsync(PartneraDbContext db, CancellationToken ct) =>
        db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Taxonomy!.Code != HsdsMapper.ExtensionTaxonomy)
            .OrderBy(t => t.Taxonomy!.Code).ThenBy(t => t.Order)
            .Select(t => new Option(t.Id, t.Name, t.Taxonomy!.Name, t.ParentId == null && db.TaxonomyTerms.Any(c => c.ParentId == t.Id), t.Code, t.Taxonomy.Country))
            .ToListAsync(ct);
}
