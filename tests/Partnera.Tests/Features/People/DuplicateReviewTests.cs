using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Matching;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class DuplicateReviewTests(TestApps apps)
{
    // Not a date other people tests use: the registry is shared by the whole test run.
    private static readonly DateOnly Born = new(1957, 3, 11);

    private static Person NewPerson(Guid organisation, string family, string given, DateOnly born, string? document = null)
    {
        var person = new Person { FamilyName = family, GivenName = given, BirthDate = born, RegisteredById = organisation, RegisteredAt = DateTime.UtcNow };
        person.IndexNames();
        person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = organisation, Purpose = "Social services", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
        if (document is not null) person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = PersonDocument.Normalise(document) });
        return person;
    }

    /// <summary>A centre holding two records of one person (one in Latin letters) and an NGO holding a third, with a random family name so runs do not meet.</summary>
    private static async Task<(Organisation Centre, Organisation Ngo, Person Held, Person Latin, Person Elsewhere)> CaseAsync(PartneraApp app)
    {
        var family = TestNames.Family("Коваленко");
        return await app.WithDbAsync(async db =>
        {
            var centre = new Organisation { Name = new MultilingualText("Centre " + family), Kind = OrganisationKind.StateServiceProvider };
            var ngo = new Organisation { Name = new MultilingualText("NGO " + family), Kind = OrganisationKind.Ngo };
            var held = NewPerson(centre.Id, family, "Олександр", Born, "АА 123456");
            var latin = NewPerson(centre.Id, SearchKey.For(family), "Aleksandr", Born);
            var elsewhere = NewPerson(ngo.Id, family, "Олександр", new DateOnly(Born.Year, Born.Day, Born.Month));
            elsewhere.Phone = "+380991112233";
            db.Organisations.AddRange(centre, ngo);
            db.People.AddRange(held, latin, elsewhere);
            db.PersonInvolvements.AddRange(
                new PersonInvolvement { PersonId = held.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow },
                new PersonInvolvement { PersonId = latin.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow },
                new PersonInvolvement { PersonId = elsewhere.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (centre, ngo, held, latin, elsewhere);
        });
    }

    private static Task<DuplicateScan.Outcome> ScanAsync(PartneraApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<DuplicateScan>().RunAsync(CancellationToken.None));

    private static Task<List<DuplicatePair>> PairsAsync(PartneraApp app, params Guid[] people) =>
        app.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().Where(p => people.Contains(p.FirstId) && people.Contains(p.SecondId)).ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task The_nightly_scan_lists_pairs_for_review_and_a_merge_keeps_the_history_and_moves_the_case(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, ngo, held, latin, elsewhere) = await CaseAsync(app);
        await ScanAsync(app);
        var pairs = await PairsAsync(app, held.Id, latin.Id, elsewhere.Id);
        Assert.Equal(3, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(DuplicateDecision.Open, p.Decision));

        var (worker, _, _) = await app.NewStaffAsync(centre.Id, Role.ProviderStaff);
        var page = await worker.GetPageAsync("/People/Duplicates");
        var both = pairs.Single(p => p.FirstId != elsewhere.Id && p.SecondId != elsewhere.Id);
        Assert.NotNull(page.QuerySelector($"form[data-pair='{both.Id}'][data-keep='{held.Id}']"));
        Assert.Contains("Aleksandr", page.QuerySelector("#pairs")!.TextContent, StringComparison.Ordinal);
        // The NGO's record is not on the list (its page says whom to contact), never the record itself.
        Assert.Single(page.QuerySelectorAll("#pairs .pair"));
        Assert.DoesNotContain(ngo.Name.Value, page.QuerySelector("#pairs")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Id.ToString(), page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("+380991112233", page.Body!.InnerHtml, StringComparison.Ordinal);
        var withElsewhere = pairs.First(p => p.FirstId == elsewhere.Id || p.SecondId == elsewhere.Id);
        Assert.Null(page.QuerySelector($"form[data-pair='{withElsewhere.Id}']"));

        // Neither side of a pair it cannot see whole may decide it.
        var (ngoWorker, _, _) = await app.NewStaffAsync(ngo.Id, Role.ProviderStaff);
        var ngoPage = await ngoWorker.GetPageAsync("/People/Duplicates");
        Assert.Null(ngoPage.QuerySelector("#pairs .pair"));
        Assert.DoesNotContain(held.Id.ToString(), ngoPage.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Aleksandr", ngoPage.Body!.InnerHtml, StringComparison.Ordinal);
        var token = (await ngoWorker.GetPageAsync("/People/Register")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await ngoWorker.PostAsync("/People/Duplicates?handler=NotSame", new FormUrlEncodedContent(new Dictionary<string, string> { ["pair"] = withElsewhere.Id.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(DuplicateDecision.Open, (await PairsAsync(app, withElsewhere.FirstId, withElsewhere.SecondId)).Single().Decision);

        // A referral about the Latin record follows the person into the kept record.
        var referral = await app.WithDbAsync(async db =>
        {
            var service = await db.Services.Select(s => new { s.Id, s.OrganisationId }).FirstAsync();
            var r = new Partnera.Features.People.Referrals.Referral { PersonId = latin.Id, FromOrganisationId = centre.Id, ToOrganisationId = service.OrganisationId, ServiceId = service.Id, Reason = "Needs care", SentAt = DateTime.UtcNow };
            db.Referrals.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var merged = await worker.SubmitAsync("/People/Duplicates", new Dictionary<string, string[]>(), $"form[data-pair='{both.Id}'][data-keep='{held.Id}']");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var (gone, kept, movedReferral, audited) = await app.WithDbAsync(async db => (
            await db.People.AsNoTracking().SingleAsync(p => p.Id == latin.Id),
            await db.People.AsNoTracking().Include(p => p.Consents).Include(p => p.Documents).SingleAsync(p => p.Id == held.Id),
            await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral),
            await db.AuditLog.CountAsync(e => e.Action == AuditAction.Merged && (e.Subject == $"Person:{held.Id}" || e.Subject == $"Person:{latin.Id}"))));
        Assert.Equal(held.Id, gone.MergedIntoId);
        Assert.Equal("Aleksandr", gone.GivenName); // the merged record stays as it was, as history
        Assert.Equal(held.Id, movedReferral.PersonId);
        Assert.Equal(2, kept.Consents.Count);
        Assert.Equal(2, audited);
        Assert.Equal(DuplicateDecision.Merged, (await PairsAsync(app, held.Id, latin.Id)).Single().Decision);
        // The old record's address leads to the kept one; the list shows one person.
        var old = await worker.GetAsync($"/People/Person/{latin.Id}");
        Assert.Equal($"/People/Person/{held.Id}", old.Headers.Location?.OriginalString);
        var list = (await worker.GetPageAsync($"/People?q={Uri.EscapeDataString(held.FamilyName)}")).QuerySelectorAll("#people a");
        Assert.Single(list);
        // The next night does not bring the merged record back.
        await ScanAsync(app);
        Assert.DoesNotContain(await PairsAsync(app, held.Id, latin.Id, elsewhere.Id), p => p.Decision == DuplicateDecision.Open && (p.FirstId == latin.Id || p.SecondId == latin.Id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_duplicate_registered_through_the_form_waits_for_review_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, _, held, _, _) = await CaseAsync(app);
        var (worker, _, _) = await app.NewStaffAsync(centre.Id, Role.ProviderStaff);
        var registered = await worker.SubmitAsync("/People/Register", new Dictionary<string, string[]>
        {
            ["Input.FamilyName"] = [SearchKey.For(held.FamilyName)],
            ["Input.GivenName"] = ["Oleksandr"],
            ["Input.BirthDate"] = [Born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
            ["Consent.Given"] = ["true"],
            ["Consent.Purpose"] = ["Home care"],
            ["Consent.GivenOn"] = ["2026-11-20"],
        }, "#person-form");
        var id = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);
        var pair = Assert.Single(await PairsAsync(app, held.Id, id));
        Assert.Equal(DuplicateDecision.Open, pair.Decision);
        var record = await worker.GetPageAsync($"/People/Person/{id}");
        Assert.Equal("/People/Duplicates", record.QuerySelector("#review-duplicates")!.GetAttribute("href"));
        Assert.NotNull((await worker.GetPageAsync("/People/Duplicates")).QuerySelector($"form[data-pair='{pair.Id}'][data-keep='{held.Id}']"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_two_merge_buttons_of_a_pair_with_the_same_names_say_which_record_each_keeps(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, _, held, _, _) = await CaseAsync(app);
        var twin = await app.WithDbAsync(async db =>
        {
            var copy = NewPerson(centre.Id, held.FamilyName, held.GivenName, Born);
            copy.RegisteredAt = held.RegisteredAt; // registered the same day (an import, say): only the record number tells them apart
            db.People.Add(copy);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = copy.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return copy;
        });
        await ScanAsync(app);
        var pair = Assert.Single(await PairsAsync(app, held.Id, twin.Id));
        var (worker, _, _) = await app.NewStaffAsync(centre.Id, Role.ProviderStaff);
        var page = await worker.GetPageAsync("/People/Duplicates");
        string Button(Guid keep) => page.QuerySelector($"form[data-pair='{pair.Id}'][data-keep='{keep}'] button")!.TextContent.Trim();
        var (keepHeld, keepTwin) = (Button(held.Id), Button(twin.Id));
        Assert.NotEqual(keepHeld, keepTwin);
        Assert.Contains(held.Id.ToString("N")[^8..], keepHeld, StringComparison.Ordinal);
        Assert.Contains(twin.Id.ToString("N")[^8..], keepTwin, StringComparison.Ordinal);
        Assert.Contains(twin.RegisteredAt.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en")), keepTwin, StringComparison.Ordinal);
        // Each side says the same, next to its name.
        var side = page.QuerySelector($"#pairs .side[data-person='{twin.Id}']")!.TextContent;
        Assert.Contains(twin.Id.ToString("N")[^8..], side, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[data-pair='{pair.Id}'][data-not-same]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Not_the_same_person_is_remembered_by_the_next_scans_and_the_record(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, _, held, latin, _) = await CaseAsync(app);
        await ScanAsync(app);
        var pair = (await PairsAsync(app, held.Id, latin.Id)).Single();
        var (worker, _, _) = await app.NewStaffAsync(centre.Id, Role.AuthoritySpecialist);
        Assert.Contains("Aleksandr", (await worker.GetPageAsync($"/People/Person/{held.Id}")).QuerySelector("#duplicates")!.TextContent, StringComparison.Ordinal);
        var response = await worker.SubmitAsync("/People/Duplicates", new Dictionary<string, string[]>(), $"form[data-pair='{pair.Id}'][data-not-same]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await ScanAsync(app);
        var after = (await PairsAsync(app, held.Id, latin.Id)).Single();
        Assert.Equal(DuplicateDecision.NotSamePerson, after.Decision);
        Assert.NotNull(after.DecidedBy);
        var record = await worker.GetPageAsync($"/People/Person/{held.Id}");
        Assert.DoesNotContain("Aleksandr", record.QuerySelector("#duplicates")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null((await worker.GetPageAsync("/People/Duplicates")).QuerySelector($"form[data-pair='{pair.Id}']"));
    }
}
