using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class TaxonomyTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_three_shipped_classifiers_are_loaded_with_names_in_four_languages(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var taxonomies = await app.WithDbAsync(db => db.Taxonomies.Include(t => t.Terms).OrderBy(t => t.Code).ToListAsync());

        Assert.Equal(["by-social-services", "md-social-services", "partnera-extensions", "ua-social-services-2020"], taxonomies.Select(t => t.Code));
        Assert.All(taxonomies, t => Assert.False(string.IsNullOrWhiteSpace(t.LegalAct)));
        Assert.All(taxonomies.SelectMany(t => t.Terms), term =>
            Assert.Equal(["en", "ro", "ru", "uk"], term.Name.Translations.Keys.Order()));

        var ukraine = taxonomies.Single(t => t.Country == "UA");
        var homeCare = ukraine.Terms.Single(t => t.Code == "015.1");
        Assert.Equal("Догляд вдома", homeCare.Name.Value);
        Assert.Equal("Home care", homeCare.Name.Translations["en"]);
        Assert.Contains(ukraine.Terms, t => t.Code == "001.0" && t.Name.Value == "Інформування");

        var moldova = taxonomies.Single(t => t.Country == "MD");
        var protectedHousing = moldova.Terms.Single(t => t.Name.Value == "Locuința protejată");
        var specialised = moldova.Terms.Single(t => t.Id == protectedHousing.ParentId);
        Assert.Equal("Servicii sociale specializate", specialised.Name.Value);
        Assert.Contains(moldova.Terms, t => t.Name.Value == "Echipa mobilă");
        Assert.Contains(taxonomies.Single(t => t.Country == "BY").Terms, t => t.Name.Value.Contains("кризисная комната", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Loading_again_changes_nothing_and_keeps_the_ids()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var before = await app.WithDbAsync(db => db.TaxonomyTerms.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var loader in scope.ServiceProvider.GetServices<IReferenceData>()) await loader.LoadAsync(CancellationToken.None);
        }
        var after = await app.WithDbAsync(db => db.TaxonomyTerms.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(before, after);
        Assert.Equal(ShippedTaxonomies.TermId("ua-social-services-2020", "015.1"), await app.WithDbAsync(db =>
            db.TaxonomyTerms.Where(t => t.Code == "015.1").Select(t => t.Id).SingleAsync()));
        Assert.Equal(ShippedTaxonomies.Files.Sum(f => f.Terms.Count), after.Count);
    }
}
