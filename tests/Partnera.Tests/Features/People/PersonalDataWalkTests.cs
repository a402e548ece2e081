using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Referrals;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

/// <summary>
/// Walks every page, page handler and API endpoint that answers GET, found from the app's own routing (not a hand list),
/// as every kind of reader, and looks for the person's values where they must not be: a new page or endpoint that
/// leaks personal data fails here without anyone having to remember to add it.
/// </summary>
public sealed class PersonalDataWalkTests(TestApps apps)
{
    private static readonly DateOnly Born = new(1959, 4, 17);

    /// <param name="Tag">In the organisations' and the service's names, which are public.</param>
    private sealed record Values(string Tag, string FamilyName, string Phone, string Address, string Passport, string Purpose)
    {
        /// <summary>What only the organisations holding the record may see (the family name aside: a referral shares it).</summary>
        public IEnumerable<string> Details => [Phone, Address, Passport, Purpose, "1959-04-17", "4/17/1959", "17.04.1959", "1959-4-17"];
    }

    private sealed record Reader(string Who, HttpClient Client, bool SeesDetails, bool SeesName);

    [Theory, ClassData(typeof(Databases))]
    public async Task No_page_or_endpoint_shows_a_person_to_anyone_not_holding_the_record(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var values = new Values(tag, TestNames.Family("Лисенко"), $"+38093{Random.Shared.Next(1000000, 9999999)}", $"вул. Приватна {tag}", $"КМ{Random.Shared.Next(100000, 999999)}", $"Consent purpose {tag}");
        var (holder, receiver, stranger, person) = await CaseAsync(app, values);
        var readers = await ReadersAsync(app, holder, receiver, stranger);
        // Searched for in Latin letters (search folds scripts): a page repeating the query must not count as a leak.
        var urls = Urls(app, person, SearchKey.For(values.FamilyName));
        Assert.True(urls.Count > 60, $"only {urls.Count} addresses found");

        var leaks = new ConcurrentBag<string>();
        var holderSaw = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(readers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (reader, ct) =>
        {
            foreach (var url in urls)
            {
                using var response = await reader.Client.GetAsync(url, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode >= 500 && !url.StartsWith("/Error", StringComparison.Ordinal)) leaks.Add($"{reader.Who} GET {url}: {(int)response.StatusCode}");
                var shown = values.Details.Where(v => body.Contains(v, StringComparison.Ordinal)).ToList();
                if (!reader.SeesName && body.Contains(values.FamilyName, StringComparison.Ordinal)) shown.Add("the family name");
                if (reader.SeesDetails) { if (shown.Count > 0) holderSaw.Add(url); }
                else if (shown.Count > 0) leaks.Add($"{reader.Who} GET {url}: {string.Join(", ", shown)}");
            }
        });
        Assert.True(leaks.IsEmpty, string.Join("\n", leaks.OrderBy(l => l)));
        // The walk can see a leak: those who hold the record do find its details on its own pages.
        Assert.Contains(holderSaw, u => u.StartsWith($"/People/Person/{person}?", StringComparison.Ordinal));
        Assert.Contains(holderSaw, u => u.StartsWith($"/api/v1/people/{person}/export?", StringComparison.Ordinal));
    }

    /// <summary>A centre holds the person (consent, document, household), refers them to an NGO sharing nothing; a third organisation has no part.</summary>
    private static Task<(Guid Holder, Guid Receiver, Guid Stranger, Guid Person)> CaseAsync(PartneraApp app, Values v) => app.WithDbAsync(async db =>
    {
        var holder = new Organisation { Name = new MultilingualText("Holding centre " + v.Tag), Kind = OrganisationKind.StateServiceProvider };
        var receiver = new Organisation { Name = new MultilingualText("Receiving NGO " + v.Tag), Kind = OrganisationKind.Ngo };
        var stranger = new Organisation { Name = new MultilingualText("Unrelated CSO " + v.Tag), Kind = OrganisationKind.Ngo };
        var service = new Service { OrganisationId = receiver.Id, Name = new MultilingualText("Shelter " + v.Tag), LastModified = DateTime.UtcNow };
        var person = new Person
        {
            FamilyName = v.FamilyName,
            GivenName = "Ганна",
            BirthDate = Born,
            Sex = Sex.Female,
            Phone = v.Phone,
            Address = v.Address,
            HouseholdId = Guid.NewGuid(),
            Relation = HouseholdRelation.Head,
            RegisteredById = holder.Id,
            RegisteredAt = DateTime.UtcNow,
        };
        person.IndexNames();
        person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = holder.Id, Purpose = v.Purpose, GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
        person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = v.Passport });
        person.Categories.Add(new PersonCategory { PersonId = person.Id, Group = TargetGroup.OlderPeople, From = new DateOnly(2026, 1, 1) });
        db.Organisations.AddRange(holder, receiver, stranger);
        db.Services.Add(service);
        db.People.Add(person);
        db.PersonInvolvements.AddRange(
            new PersonInvolvement { PersonId = person.Id, OrganisationId = holder.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow },
            new PersonInvolvement { PersonId = person.Id, OrganisationId = holder.Id, Kind = Involvement.ReferralSent, Since = DateTime.UtcNow },
            new PersonInvolvement { PersonId = person.Id, OrganisationId = receiver.Id, Kind = Involvement.ReferralReceived, Since = DateTime.UtcNow });
        db.Referrals.Add(new Referral { PersonId = person.Id, FromOrganisationId = holder.Id, ToOrganisationId = receiver.Id, ServiceId = service.Id, Reason = "Needs a bed", SentAt = DateTime.UtcNow, Shared = SharedData.None });
        await db.SaveChangesAsync();
        return (holder.Id, receiver.Id, stranger.Id, person.Id);
    });

    /// <summary>Someone not signed in, a resident, and every role of the holding, the receiving and the unrelated organisation.</summary>
    private static async Task<List<Reader>> ReadersAsync(PartneraApp app, Guid holder, Guid receiver, Guid stranger)
    {
        var (resident, _, _) = await app.NewResidentAsync("Walker");
        var readers = new List<Reader> { new("someone not signed in", app.Browser("en"), false, false), new("a resident", resident, false, false) };
        foreach (var role in Enum.GetValues<Role>())
        {
            var works = PersonAccess.PersonalDataRoles.Contains(role);
            foreach (var (organisation, relation) in new[] { (holder, "holding"), (receiver, "referral-receiving"), (stranger, "unrelated") })
            {
                var (client, _, _) = await app.NewStaffAsync(organisation, role);
                readers.Add(new($"{role} of the {relation} organisation", client, works && organisation == holder, works && organisation != stranger));
            }
        }
        return readers;
    }

    /// <summary>Every GET address: each route with its parameters filled with the person's id, each page's named GET handlers, a search for the name.</summary>
    private static List<string> Urls(PartneraApp app, Guid person, string family)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var urls = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (Routes.Fill(endpoint.RoutePattern, person) is not { } path) continue;
            var query = $"q={Uri.EscapeDataString(family)}";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Get"))
                    urls.Add(handler.Name is null ? $"{path}?{query}" : $"{path}?handler={handler.Name}&{query}");
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains("GET"))
                urls.Add($"{path}?{query}");
        }
        // Signing out would end the walk for that reader.
        return urls.Where(u => !u.Contains("Logout", StringComparison.OrdinalIgnoreCase)).Order().ToList();
    }
}
