using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class ImportTests(TestApps apps)
{
    /// <summary>A provider in a community, and someone already registered elsewhere (in Latin letters) who is in the provider's list.</summary>
    private static async Task<(Guid Provider, string Community, Guid Elsewhere)> CaseAsync(PartneraApp app, string family) => await app.WithDbAsync(async db =>
    {
        var community = await db.Territories.Where(t => t.Level == TerritoryLevel.Community && t.ParentId != null).OrderBy(t => t.Code).FirstAsync();
        var provider = new Organisation { Name = new MultilingualText("Centre " + family), Kind = OrganisationKind.StateServiceProvider, TerritoryId = community.Id };
        var other = new Organisation { Name = new MultilingualText("NGO " + family), Kind = OrganisationKind.Ngo };
        var known = new Person { FamilyName = SearchKey.For(family), GivenName = "Olena", BirthDate = new DateOnly(1948, 2, 14), RegisteredById = other.Id, RegisteredAt = DateTime.UtcNow };
        known.IndexNames();
        db.Organisations.AddRange(provider, other);
        db.People.Add(known);
        db.PersonInvolvements.Add(new PersonInvolvement { PersonId = known.Id, OrganisationId = other.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (provider.Id, community.Name.Value, known.Id);
    });

    [Theory, ClassData(typeof(Databases))]
    public async Task A_provider_imports_its_list_with_households_sees_every_bad_row_and_gets_the_duplicates_to_review(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (family, other) = (TestNames.Family("Шевчук"), TestNames.Family("Мельник"));
        var (providerId, community, elsewhere) = await CaseAsync(app, family);
        var (staff, _, _) = await app.NewStaffAsync(providerId, Role.ProviderStaff);
        var csv = $"""
            Прізвище;Ім'я;По батькові;Дата народження;Стать;Телефон;Громада;Паспорт;Категорії;Домогосподарство;Ким доводиться;Згода;Мета згоди
            {family};Олена;Петрівна;14.02.1948;ж;+380501112233;{community};АА 123456;OlderPeople;h1;голова;01.11.2026;Соціальні послуги
            {family};Петро;;1972-05-03;ч;;;;;h1;син;01.11.2026;Соціальні послуги
            ;Іван;;1980-01-01;;;;;;;;;
            {other};Марія;;31.02.1990;x;;Nowhere;;Aliens;;;01.11.2026;Соціальні послуги
            {other};Ганна;;;;;;;;h2;дочка;;
            {family};Оксана;;;;;;;;h1;голова;01.11.2026;Соціальні послуги
            """;
        var uploaded = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("list.csv", Encoding.UTF8.GetBytes(csv)) });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var withUpload = uploaded.Headers.Location!.OriginalString;

        // The Ukrainian headers give the first guess.
        var mapping = await staff.GetPageAsync(withUpload);
        Assert.Equal(["family_name", "given_name", "patronymic", "birth_date", "sex", "phone", "community", "document_number", "categories", "household", "relation", "consent_date", "consent_purpose"],
            mapping.QuerySelectorAll("#mapping select").Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "").ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#mapping-form")).StatusCode);

        var check = await staff.GetPageAsync(withUpload);
        Assert.Equal("6 rows: 2 valid, 4 with problems.", check.QuerySelector("#import-counts")!.TextContent.Trim());
        var errors = check.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(errors, e => e[0] == "4" && e[1] == "Прізвище");
        foreach (var column in new[] { "Дата народження", "Стать", "Громада", "Категорії" }) Assert.Contains(errors, e => e[0] == "5" && e[1] == column);
        Assert.Contains(errors, e => e[0] == "5" && e[1] == "Категорії" && e[2] == "\"Aliens\" is not a value this column can hold.");
        Assert.Contains(errors, e => e[0] == "6" && e[1] == "Ким доводиться" && e[2].Contains("consent", StringComparison.Ordinal));
        Assert.Contains(errors, e => e[0] == "7" && e[1] == "Ким доводиться" && e[2] == "Household \"h1\" already has a head.");
        Assert.DoesNotContain(errors, e => e[0] is "2" or "3");
        Assert.Equal(["2", "3"], check.QuerySelectorAll("#import-preview tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Contains("7,\"Ким доводиться\",", await staff.GetStringAsync(check.QuerySelector("#errors-download")!.GetAttribute("href")!), StringComparison.Ordinal);

        // Another user of the same organisation does not reach someone else's file.
        var (colleague, _, _) = await app.NewStaffAsync(providerId, Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(withUpload)).StatusCode);

        // Nothing is saved from a file with problems unless only the valid rows are asked for.
        var refused = await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#save-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.RegisteredById == providerId)));
        // The son is already on the provider's own books, written in Latin letters.
        var ownSon = await app.WithDbAsync(async db =>
        {
            var son = new Person { FamilyName = SearchKey.For(family), GivenName = "Petro", BirthDate = new DateOnly(1972, 5, 3), RegisteredById = providerId, RegisteredAt = DateTime.UtcNow };
            son.IndexNames();
            db.People.Add(son);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = son.Id, OrganisationId = providerId, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return son.Id;
        });
        var saved = await staff.SubmitAsync(withUpload, new Dictionary<string, string[]> { ["ValidOnly"] = ["true"] }, "#save-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var done = await staff.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.StartsWith("2 people registered, in 1 households.", done.QuerySelector("#import-saved")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("1 of them look like people already registered: review the possible duplicates.", done.QuerySelector("#import-duplicates")!.TextContent.Trim());

        var people = await app.WithDbAsync(db => db.People.Include(p => p.Documents).Include(p => p.Categories).Include(p => p.Consents)
            .Where(p => p.RegisteredById == providerId && p.Id != ownSon).ToListAsync());
        var (head, son) = (people.Single(p => p.GivenName == "Олена"), people.Single(p => p.GivenName == "Петро"));
        Assert.NotNull(head.HouseholdId);
        Assert.Equal((head.HouseholdId, HouseholdRelation.Head, HouseholdRelation.Child), (son.HouseholdId, head.Relation!.Value, son.Relation!.Value));
        // The series as typed in Cyrillic is stored in the Latin letters it looks like (one form for both scripts).
        Assert.Equal(("AA123456", TargetGroup.OlderPeople, "Соціальні послуги", Sex.Female), (head.Documents.Single().Number, head.Categories.Single().Group, head.Consents.Single().Purpose, head.Sex!.Value));
        Assert.NotNull(head.TerritoryId);
        Assert.False(await app.WithDbAsync(db => db.Set<Partnera.Features.People.Imports.PeopleUpload>().AnyAsync(u => u.OrganisationId == providerId)));

        // The son and the provider's own record of him wait for review (the count above is of those only). The head and
        // the NGO's record of her are a pair too, but the provider sees only, on her page, whom to contact.
        var review = await staff.GetPageAsync("/People/Duplicates");
        Assert.NotNull(review.QuerySelector($"form[data-keep='{ownSon}']"));
        Assert.DoesNotContain("NGO " + family, review.Body!.TextContent, StringComparison.Ordinal);
        var pair = await app.WithDbAsync(db => db.DuplicatePairs.SingleAsync(p => (p.FirstId == head.Id && p.SecondId == elsewhere) || (p.FirstId == elsewhere && p.SecondId == head.Id)));
        Assert.True(pair.Total >= 0.85);
        var headPage = await staff.GetPageAsync($"/People/Person/{head.Id}");
        Assert.Contains("NGO " + family, headPage.QuerySelector("#duplicates .duplicate.elsewhere")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.ToString(), headPage.Body!.InnerHtml, StringComparison.Ordinal);

        // The household shows on the head's record.
        var record = await staff.GetPageAsync($"/People/Person/{head.Id}");
        Assert.Contains("Петро", record.QuerySelector("#household-members")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Child", record.QuerySelector("#household-members")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_import_refuses_other_files_and_a_mapping_without_names(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (providerId, _, _) = await CaseAsync(app, TestNames.Family("Бондар"));
        var (staff, _, _) = await app.NewStaffAsync(providerId, Role.ProviderStaff);
        // The template's columns are recognised as they are.
        var template = await staff.GetStringAsync("/People/Import?handler=Template");
        var guessed = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("template.csv", Encoding.UTF8.GetBytes(template)) });
        Assert.Equal(Partnera.Features.People.Imports.PeopleColumns.All, (await staff.GetPageAsync(guessed.Headers.Location!.OriginalString))
            .QuerySelectorAll("#mapping select").Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "").ToArray());

        var wrongKind = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("list.pdf", [1, 2, 3]) });
        Assert.Contains("Only CSV (.csv) and Excel (.xlsx) files can be imported.", Pages.Parse(await wrongKind.TextAsync()).FieldErrors());

        var uploaded = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("list.csv", Encoding.UTF8.GetBytes("a,b\nx,y\n")) });
        var withUpload = uploaded.Headers.Location!.OriginalString;
        var noNames = await staff.SubmitAsync(withUpload, new Dictionary<string, string[]> { ["Targets[0]"] = ["phone"], ["Targets[1]"] = ["phone"] }, "#mapping-form");
        var text = Pages.Parse(await noNames.TextAsync()).QuerySelector("#mapping-form")!.TextContent;
        Assert.Contains("Two columns hold the same thing", text, StringComparison.Ordinal);
        Assert.Contains("Say which columns hold the family name and the given name.", text, StringComparison.Ordinal);

        // Someone whose role does not work with people has no import at all.
        var (volunteers, _, _) = await app.NewStaffAsync(providerId, Role.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteers.GetAsync("/People/Import")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Control_characters_in_a_file_are_dropped_not_a_server_error(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Нуль");
        var (providerId, _, _) = await CaseAsync(app, TestNames.Family("Бойко"));
        var (staff, _, _) = await app.NewStaffAsync(providerId, Role.ProviderStaff);
        var csv = $"family_name,given_name,birth_date,address,consent_date,consent_purpose\n{family[..2]}\0{family[2..]},Пе\u0001тро,1980-01-01,Str\0eet 1,2026-01-01,x\n";
        var uploaded = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("list.csv", Encoding.UTF8.GetBytes(csv)) });
        var withUpload = uploaded.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#mapping-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#save-form")).StatusCode);
        var saved = await app.WithDbAsync(db => db.People.Where(p => p.RegisteredById == providerId && p.FamilyName == family).Select(p => new { p.GivenName, p.Address }).SingleAsync());
        Assert.Equal(("Петро", "Street 1"), (saved.GivenName, saved.Address));
    }
}
