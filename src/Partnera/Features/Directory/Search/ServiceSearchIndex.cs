using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Search;

/// <summary>
/// Keeps a service's search keys in step with what a person may type to find it: its names in every language
/// (weight 4), its categories and the places it serves or stands in (3), its organisation (2) and the first
/// words of its description (1). One-letter variants (typo tolerance) are kept for names, categories and places
/// only: that is where people search, and it keeps a national index to about a hundred keys per service.
/// </summary>
public sealed class ServiceSearchIndex(PartneraDbContext db)
{
    public const int DescriptionWords = 40;

    /// <summary>Rewrites the keys of the given services (call after saving them).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> serviceIds, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Description,
                s.AlternateName,
                Organisation = s.Organisation!.Name,
                OrganisationShort = s.Organisation.ShortName,
                Terms = s.Terms.Select(t => t.Term!.Name).ToList(),
                Areas = s.Areas.Where(a => a.Territory != null).Select(a => a.Territory!.Name).ToList(),
                Places = s.Locations.Where(l => l.Location!.Territory != null).Select(l => l.Location!.Territory!.Name).ToList(),
            })
            .ToListAsync(ct);
        await db.ServiceSearchKeys.Where(k => serviceIds.Contains(k.ServiceId)).ExecuteDeleteAsync(ct);
        foreach (var s in services)
        {
            var texts = new ServiceTexts(s.Name.AllForms().Append(s.AlternateName),
                s.Terms.SelectMany(t => t.AllForms()).Concat(s.Areas.Concat(s.Places).SelectMany(t => t.AllForms())),
                s.Organisation.AllForms().Append(s.OrganisationShort), s.Description.AllForms());
            db.ServiceSearchKeys.AddRange(Keys(texts).Select(k => new ServiceSearchKey { Key = k.Key, ServiceId = s.Id, Weight = k.Value }));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The texts a service is found by, grouped by how much a match in them counts.</summary>
    public sealed record ServiceTexts(IEnumerable<string?> Names, IEnumerable<string?> CategoriesAndPlaces, IEnumerable<string?> Organisation,
        IEnumerable<string?> Description);

    /// <summary>The keys of one service with their weights (the best weight where a key comes from several texts).</summary>
    public static Dictionary<string, byte> Keys(ServiceTexts texts)
    {
        var weights = new Dictionary<string, byte>();
        void Add(IEnumerable<string?> source, byte weight, int maxWords = int.MaxValue)
        {
            foreach (var word in source.SelectMany(PhoneticKey.Words).Take(maxWords))
            {
                var keys = weight >= 3 ? PhoneticKey.Variants(word) : [word];
                foreach (var key in keys.Where(k => k.Length <= 64))
                {
                    // A deletion variant counts for less than the word itself.
                    var w = key.Length == word.Length ? weight : (byte)Math.Max(1, weight - 1);
                    if (!weights.TryGetValue(key, out var existing) || existing < w) weights[key] = w;
                }
            }
        }
        Add(texts.Names, 4);
        Add(texts.CategoriesAndPlaces, 3);
        Add(texts.Organisation, 2);
        Add(texts.Description, 1, DescriptionWords);
        return weights;
    }
}
