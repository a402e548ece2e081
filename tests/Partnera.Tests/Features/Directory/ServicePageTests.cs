using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class ServicePageTests(TestApps apps)
{
    private static string Contact(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#service-contact")!.TextContent;

    [Theory, ClassData(typeof(Databases))]
    public async Task A_service_without_contacts_shows_its_places_then_its_organisations_and_says_whose(DatabaseProvider provider)
    {
        // Its own app: a place's phones do not survive the HSDS round trip another test makes of the shared one.
        await using var app = await apps.NewAppAsync(provider);
        var (atPlace, ofOrganisation) = await app.WithDbAsync(async db =>
        {
            // Valozhyn TCSON has a reception phone; its new place a phone of its own.
            var tcson = await db.Organisations.Where(o => o.ShortName == "ТЦСОН Воложинского района").Select(o => o.Id).SingleAsync();
            var place = new Location { OrganisationId = tcson, Name = new("Пункт выдачи " + Guid.NewGuid().ToString("N")[..6]) };
            place.Phones.Add(new Phone { LocationId = place.Id, Number = "+375 1772 6 00 00" });
            db.Locations.Add(place);
            var atPlace = new Service { OrganisationId = tcson, Name = new("Выдача одежды " + Guid.NewGuid().ToString("N")[..6]) };
            atPlace.Locations.Add(new ServiceAtLocation { ServiceId = atPlace.Id, LocationId = place.Id });
            var ofOrganisation = new Service { OrganisationId = tcson, Name = new("Патронаж " + Guid.NewGuid().ToString("N")[..6]) };
            db.Services.AddRange(atPlace, ofOrganisation);
            await db.SaveChangesAsync();
            return (atPlace.Id, ofOrganisation.Id);
        });

        var place = await app.Browser("uk").GetPageAsync($"/Directory/Service/{atPlace}");
        Assert.Contains("+375 1772 6 00 00", Contact(place));
        Assert.Contains("контакти її місця — Пункт выдачи", place.QuerySelector("#contact-of")!.TextContent);
        Assert.Equal("tel:+375177260000", place.QuerySelector("#service-contact a")!.GetAttribute("href"));

        var organisation = await app.Browser("ro").GetPageAsync($"/Directory/Service/{ofOrganisation}");
        Assert.Contains("+375 (1772) 5-55-72", Contact(organisation));
        Assert.Contains("contactele organizației", organisation.QuerySelector("#contact-of")!.TextContent);
        Assert.Contains("Воложинского района", organisation.QuerySelector("#contact-of")!.TextContent);

        // The service's own phone comes first, without a note.
        var own = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == "Услуги почасового ухода").Select(s => s.Id).SingleAsync());
        var ownPage = await app.Browser("ru").GetPageAsync($"/Directory/Service/{own}");
        Assert.Contains("+375 (1772) 5-55-72", Contact(ownPage));
        Assert.Null(ownPage.QuerySelector("#contact-of"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_service_no_one_can_be_reached_at_says_so_instead_of_call_or_come(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // The Bakhmut centre, its place and the service give no phone, e-mail or site.
        var id = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == "Консультування сімей з дітьми").Select(s => s.Id).SingleAsync());
        // Nor does it tell anyone to call first (its details are over a year old): there is no number to call.
        foreach (var (language, text, apply, call) in new[]
        {
            ("uk", "не відомо ні телефону", "Приходьте в години роботи", "зателефонуйте"), ("en", "No phone, e-mail or website is known", "Come during opening hours", "call"),
            ("ru", "не известны ни телефон", "Приходите в часы работы", "позвоните"), ("ro", "nu se cunoaște niciun telefon", "Veniți în orele de lucru", "sunați"),
        })
        {
            var page = await app.Browser(language).GetPageAsync($"/Directory/Service/{id}");
            Assert.Contains(text, page.QuerySelector("#no-contact")!.TextContent);
            Assert.Contains(apply, page.QuerySelector("main")!.TextContent);
            Assert.Null(page.QuerySelector("#service-full"));
            Assert.DoesNotContain(call, page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_service_with_no_contact_and_no_place_never_sends_the_reader_to_an_address(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.WithDbAsync(async db =>
        {
            var organisation = new Partnera.Features.Organisations.Organisation { Name = new("Фонд без адреси"), Kind = Partnera.Features.Organisations.OrganisationKind.Ngo };
            var service = new Partnera.Features.Directory.Service { Organisation = organisation, Name = new("Допомога без адреси"), Status = ServiceStatus.Active };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        var page = await app.Browser("uk").GetPageAsync($"/Directory/Service/{id}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("за адресою", main, StringComparison.Ordinal);
        Assert.Contains("ні адреси", page.QuerySelector("#no-contact")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Directory/Hotlines", page.QuerySelector("#no-contact a")!.GetAttribute("href"));
        Assert.Contains("адреса невідомі", page.QuerySelector("#no-hours")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_full_service_says_what_to_do_and_lists_similar_services_nearby_with_free_places(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Day care for children with disabilities in Bakhmut: 20 of 20 places, category 016.0 and 021.0 (respite for parents).
        var (full, withWaitingList) = await app.WithDbAsync(async db =>
        {
            var full = await db.Services.Where(s => s.Name.Value == "Денний догляд дітей з інвалідністю").Select(s => s.Id).SingleAsync();
            var centre = await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync();
            var bakhmut = await db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync();
            var zaporizhzhia = await db.Territories.Where(t => t.Code == "UA23060070000041358").Select(t => t.Id).SingleAsync();
            var respite = ShippedTaxonomies.TermId("ua-social-services-2020", "021.0");
            Service Add(string name, Guid where, int capacity, int occupancy, ServiceStatus status = ServiceStatus.Active)
            {
                var s = new Service { OrganisationId = centre, Name = new($"{name} {suffix}"), Capacity = capacity, Occupancy = occupancy, Status = status };
                s.Terms.Add(new ServiceTerm { ServiceId = s.Id, TaxonomyTermId = respite });
                s.Areas.Add(new ServiceArea { ServiceId = s.Id, TerritoryId = where });
                db.Services.Add(s);
                return s;
            }
            Add("Відпочинок для батьків", bakhmut, 10, 3);
            Add("Відпочинок повний", bakhmut, 5, 5);
            Add("Відпочинок закритий", bakhmut, 5, 1, ServiceStatus.Inactive);
            Add("Відпочинок далеко", zaporizhzhia, 5, 1);
            var waiting = Add("Відпочинок з чергою", bakhmut, 4, 4);
            waiting.WaitTime = "2 місяці";
            await db.SaveChangesAsync();
            return (full, waiting.Id);
        });

        var page = await app.Browser("uk").GetPageAsync($"/Directory/Service/{full}");
        var box = page.QuerySelector("#service-full")!;
        Assert.Contains("Усі місця зайняті (20 з 20)", box.TextContent);
        // Neither the day care nor its centre gives a contact: the resident is sent to the address.
        Assert.Contains("Запитайте за адресою в години роботи", box.TextContent);
        var similar = page.QuerySelectorAll("#similar-services li").Select(li => li.TextContent.Trim()).Where(t => t.Contains(suffix, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Відпочинок для батьків {suffix} · Вільних місць: 7"], similar);
        Assert.True(page.QuerySelectorAll("#similar-services li").Length <= Partnera.Features.Directory.ServiceModel.SimilarShown);

        var queue = await app.Browser("en").GetPageAsync($"/Directory/Service/{withWaitingList}");
        Assert.Contains("keeps a waiting list (waiting time: 2 місяці)", queue.QuerySelector("#service-full")!.TextContent);
        // The day care is full as well: only the service with free places is offered.
        Assert.Contains(queue.QuerySelectorAll("#similar-services a"), a => a.TextContent.Contains($"Відпочинок для батьків {suffix}", StringComparison.Ordinal));
    }
}
