using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class ReferralChoiceTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_referral_for_a_person_in_bakhmut_offers_bakhmuts_services_first_and_nothing_from_moldova_on_the_first_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (ngo, person, bakhmutServices, foreign, ownService) = await app.WithDbAsync(async db =>
        {
            var bakhmut = await db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync();
            var ngo = new Organisation { Name = new MultilingualText("Sends " + Guid.NewGuid().ToString("N")[..6]), Kind = OrganisationKind.Ngo, TerritoryId = bakhmut };
            var person = new Person { FamilyName = "Пенсіонер", GivenName = "Іван", BirthDate = new DateOnly(1950, 1, 1), TerritoryId = bakhmut, RegisteredById = ngo.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = ngo.Id, Purpose = "Care", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
            db.Organisations.Add(ngo);
            // The NGO's own service in Bakhmut: never offered, as a referral goes to another organisation.
            var ownService = new Partnera.Features.Directory.Service { OrganisationId = ngo.Id, Name = new MultilingualText("Own " + Guid.NewGuid().ToString("N")[..6]), Status = Partnera.Features.Directory.ServiceStatus.Active };
            ownService.Areas.Add(new Partnera.Features.Directory.ServiceArea { ServiceId = ownService.Id, TerritoryId = bakhmut });
            db.Services.Add(ownService);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var here = await db.ServiceAreas.Where(a => a.TerritoryId == bakhmut).Select(a => a.ServiceId)
                .Union(db.ServiceAtLocations.Where(l => l.Location!.TerritoryId == bakhmut).Select(l => l.ServiceId)).ToListAsync();
            var foreign = await db.Services.Where(s => s.TimeZone == "Europe/Chisinau" || s.TimeZone == "Europe/Minsk").Select(s => s.Id).ToListAsync();
            return (ngo.Id, person.Id, here.Where(id => id != ownService.Id).Select(id => id.ToString()).ToHashSet(), foreign.Select(id => id.ToString()).ToHashSet(), ownService.Id.ToString());
        });
        Assert.NotEmpty(bakhmutServices);
        Assert.NotEmpty(foreign);
        var (worker, _, _) = await app.NewStaffAsync(ngo, Role.ProviderStaff);

        var page = await worker.GetPageAsync($"/People/Referrals/Send/{person}");
        var offered = page.QuerySelectorAll("#services input[name='Input.ServiceId']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.NotEmpty(offered);
        Assert.InRange(offered.Count, 1, 20);
        Assert.Contains(offered[0], bakhmutServices);
        Assert.DoesNotContain(offered, foreign.Contains);
        Assert.DoesNotContain(ownService, offered);
        Assert.NotNull(page.QuerySelector("#services .service-option.near"));
        Assert.Null(page.QuerySelector("#Input_ServiceId[size]"));

        // A category narrows the list on the server; the next page is a button of the same form (no JavaScript).
        var homeCare = ShippedTaxonomies.TermId("ua-social-services-2020", "015.1");
        var narrowed = await worker.SubmitAsync($"/People/Referrals/Send/{person}", new Dictionary<string, string[]> { ["CategoryId"] = [homeCare.ToString()] }, "#referral-form", "Find");
        var narrowedPage = Pages.Parse(await narrowed.TextAsync());
        var withCategory = narrowedPage.QuerySelectorAll("#services input[name='Input.ServiceId']").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToList();
        var terms = await app.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Id == homeCare || t.ParentId == homeCare).Select(t => t.Id).ToListAsync());
        var tagged = await app.WithDbAsync(db => db.ServiceTerms.Where(x => withCategory.Contains(x.ServiceId) && terms.Contains(x.TaxonomyTermId)).Select(x => x.ServiceId).Distinct().CountAsync());
        Assert.Equal(withCategory.Count, tagged);
        Assert.DoesNotContain(withCategory, id => foreign.Contains(id.ToString()));

        // A service that no longer works takes no referral: its organisation is not given the person's case.
        var closed = await app.WithDbAsync(async db =>
        {
            var service = await db.Services.Where(s => s.Status == Partnera.Features.Directory.ServiceStatus.Active && s.OrganisationId != ngo).OrderBy(s => s.Id).FirstAsync();
            service.Status = Partnera.Features.Directory.ServiceStatus.Defunct;
            await db.SaveChangesAsync();
            return service.Id;
        });
        var problem = await app.WithScopeAsync(async scope =>
        {
            var db = scope.GetRequiredService<PartneraDbContext>();
            var record = await db.People.SingleAsync(p => p.Id == person);
            return (await scope.GetRequiredService<Partnera.Features.People.Referrals.ReferralFlow>()
                .SendAsync(record, ngo, closed, "Needs help", Partnera.Features.People.Referrals.Urgency.Routine, Partnera.Features.People.Referrals.SharedData.None, default)).Problem;
        });
        Assert.Equal("Referral_UnknownService", problem);
        await app.WithDbAsync(db => db.Services.Where(s => s.Id == closed).ExecuteUpdateAsync(x => x.SetProperty(s => s.Status, Partnera.Features.Directory.ServiceStatus.Active)));
    }
}
