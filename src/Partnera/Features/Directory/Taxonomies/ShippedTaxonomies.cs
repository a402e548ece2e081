using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Taxonomies;

/// <summary>
/// Loads the classifiers shipped in Taxonomies/*.json (Ukrainian classifier, Moldovan nomenclature, Belarusian list)
/// at every start-up: new terms are added, changed names updated, ids derived from the codes so they never change.
/// </summary>
public sealed class ShippedTaxonomies(PartneraDbContext db, ILogger<ShippedTaxonomies> logger) : IReferenceData
{
    public sealed record TaxonomyFile(string Code, string? Country, string? Version, Dictionary<string, string> Name, string? LegalAct,
        string? Uri, string? Verification, List<TermFile> Terms);

    public sealed record TermFile(string Code, string? Parent, Dictionary<string, string> Name);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<TaxonomyFile> Files { get; } = Read();

    public static Guid TaxonomyId(string taxonomyCode) => StableId.For($"taxonomy:{taxonomyCode}");

    public static Guid TermId(string taxonomyCode, string termCode) => StableId.For($"taxonomy:{taxonomyCode}:term:{termCode}");

    public async Task LoadAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var file in Files)
        {
            var taxonomy = await db.Taxonomies.Include(t => t.Terms).FirstOrDefaultAsync(t => t.Id == TaxonomyId(file.Code), ct);
            if (taxonomy is null) db.Taxonomies.Add(taxonomy = new Taxonomy { Id = TaxonomyId(file.Code), Code = file.Code });
            taxonomy.Country = file.Country;
            taxonomy.Version = file.Version;
            taxonomy.Name = Text(file.Name, "en");
            taxonomy.LegalAct = file.LegalAct;
            taxonomy.Uri = file.Uri;
            taxonomy.Description = file.Verification;
            for (var i = 0; i < file.Terms.Count; i++)
            {
                var source = file.Terms[i];
                var id = TermId(file.Code, source.Code);
                var term = taxonomy.Terms.FirstOrDefault(t => t.Id == id);
                if (term is null) taxonomy.Terms.Add(term = new TaxonomyTerm { Id = id, TaxonomyId = taxonomy.Id, Code = source.Code });
                term.Name = Text(source.Name, LocalLanguage(file.Country));
                term.ParentId = source.Parent is null ? null : TermId(file.Code, source.Parent);
                term.Order = i;
                term.RefreshSearchText();
            }
            changed += db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified);
            await db.SaveChangesAsync(ct);
        }
        if (changed > 0) logger.LogInformation("Shipped classifiers loaded: {Changed} records added or updated.", changed);
    }

    // A term's name as written is in the country's own official language; the others are translations.
    private static string LocalLanguage(string? country) => country switch { "UA" => "uk", "MD" => "ro", "BY" => "ru", _ => "en" };

    private static MultilingualText Text(Dictionary<string, string> names, string primary) =>
        new(names.GetValueOrDefault(primary) ?? names.Values.First(), names);

    private static List<TaxonomyFile> Read()
    {
        var assembly = typeof(ShippedTaxonomies).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("taxonomy:", StringComparison.Ordinal)).Order()
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<TaxonomyFile>(stream, Json)!;
            })
            .ToList();
    }
}
