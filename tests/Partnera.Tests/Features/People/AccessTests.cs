using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class AccessTests(TestApps apps)
{
    private static readonly Role[] Roles = Enum.GetValues<Role>();

    /// <summary>Two new organisations: the first registers a person (with consent and a document), the second is not involved.</summary>
    private static async Task<(Guid Involved, Guid Other, Guid Person, string FamilyName)> CaseAsync(PartneraApp app)
    {
        var family = "Коваленко" + Guid.NewGuid().ToString("N")[..6];
        return await app.WithDbAsync(async db =>
        {
            var involved = new Organisation { Name = new MultilingualText("Involved " + family), Kind = OrganisationKind.StateServiceProvider };
            var other = new Organisation { Name = new MultilingualText("Other " + family), Kind = OrganisationKind.Ngo };
            var person = new Person { FamilyName = family, GivenName = "Олександр", BirthDate = new DateOnly(1980, 5, 1), RegisteredById = involved.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = involved.Id, Purpose = "Social services", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
            person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = PersonDocument.Normalise("АА 123456") });
            db.Organisations.AddRange(involved, other);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = involved.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (involved.Id, other.Id, person.Id, family);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_roles_that_work_with_people_in_an_involved_organisation_see_change_or_find_a_person(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, other, person, family) = await CaseAsync(app);
        var cells = new List<(string Who, bool Allowed, HttpClient Client, string? Email)>();
        foreach (var role in Roles)
        {
            foreach (var (organisation, name) in new[] { (involved, "involved"), (other, "not involved") })
            {
                var (client, email, _) = await app.NewStaffAsync(organisation, role);
                cells.Add(($"{role} of the {name} organisation", organisation == involved && PersonAccess.PersonalDataRoles.Contains(role), client, email));
            }
        }
        var (resident, residentEmail, _) = await app.NewResidentAsync("Resident");
        cells.Add(("a resident", false, resident, residentEmail));
        cells.Add(("someone not signed in", false, app.Browser("en"), null));

        foreach (var (who, allowed, client, email) in cells)
        {
            var view = await client.GetAsync($"/People/Person/{person}");
            var list = await client.GetAsync($"/People?q={Uri.EscapeDataString(family)}");
            var consent = await client.GetAsync($"/People/Consent/{person}");
            var edit = await client.GetAsync($"/People/Edit/{person}");
            var api = await client.GetAsync($"/api/v1/people/{person}");
            var export = await client.GetAsync($"/People/Export/{person}");
            var exportApi = await client.GetAsync($"/api/v1/people/{person}/export");
            var print = await client.GetAsync($"/People/Export/{person}?handler=Print");
            var addMember = await client.GetAsync($"/People/Register?householdOf={person}");
            foreach (var (action, response) in new[] { ("view", view), ("find", list), ("consent", consent), ("edit", edit), ("read by the API", api), ("export", export),
                ("export by the API", exportApi), ("print", print), ("add a household member", addMember) })
            {
                var body = await response.Content.ReadAsStringAsync();
                // The search box repeats what was typed: what counts is the list of people found.
                if (action == "find") body = Pages.Parse(body).QuerySelector("#people")?.TextContent ?? "";
                if (allowed)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} should {action}: got {response.StatusCode}");
                    Assert.Contains(family, body, StringComparison.Ordinal);
                }
                else
                {
                    Assert.False(body.Contains(family, StringComparison.Ordinal), $"{who} must not {action} the person");
                    Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                }
            }
            // A change sent without the form (a token from the page the person may open) changes nothing.
            var token = Pages.Parse(await (await client.GetAsync("/")).Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (!allowed && token is not null)
            {
                var forged = await client.PostAsync($"/People/Edit/{person}", new FormUrlEncodedContent(
                    [KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("Input.FamilyName", "Hacked"), KeyValuePair.Create("Input.GivenName", "X")]));
                Assert.NotEqual($"/People/Person/{person}", forged.Headers.Location?.OriginalString);
            }
            // Every allowed opening is in the audit log with its reason; a refused one leaves the record untouched and unread.
            var reads = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{person}" && e.Action == AuditAction.Viewed && e.UserName == email).Select(e => e.Reason).ToListAsync());
            if (allowed) Assert.Equal(["Registered", "Registered", "Registered", "Registered", "Registered", "search"], reads.Order());
            else Assert.Empty(reads);
            var exports = await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{person}" && e.Action == AuditAction.Exported && e.UserName == email));
            Assert.Equal(allowed ? 2 : 0, exports);
            var prints = await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{person}" && e.Action == AuditAction.Printed && e.UserName == email));
            Assert.Equal(allowed ? 1 : 0, prints);
        }
        Assert.Equal(family, await app.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.FamilyName).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_record_shows_documents_masked_and_who_looked_and_an_emergency_opening_is_reasoned_and_reported(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, other, person, family) = await CaseAsync(app);
        var (administrator, administratorEmail, _) = await app.NewStaffAsync(involved, Role.Administrator);
        var (worker, workerEmail, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        var page = await worker.GetPageAsync($"/People/Person/{person}");
        Assert.Equal("•••••456", page.QuerySelector(".document-number")!.TextContent);
        Assert.DoesNotContain("123456", page.Body!.InnerHtml, StringComparison.Ordinal);

        var (stranger, strangerEmail, _) = await app.NewStaffAsync(other, Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/People/Person/{person}")).StatusCode);
        var noReason = await stranger.SubmitAsync($"/People/Emergency/{person}", new Dictionary<string, string[]> { ["Reason"] = [""] }, "#emergency-form");
        Assert.Contains("Write why you need to open the record: a sentence of at least 20 characters and three words.", Pages.Parse(await noReason.TextAsync()).FieldErrors());
        var opened = await stranger.SubmitAsync($"/People/Emergency/{person}", new Dictionary<string, string[]> { ["Reason"] = ["Found unconscious, ambulance asks for allergies"] }, "#emergency-form");
        Assert.Contains(family, Pages.Parse(await opened.TextAsync()).QuerySelector("#person-name")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(app.Emails.Sent, m => m.To == administratorEmail && m.Body.Contains("Found unconscious", StringComparison.Ordinal) && m.Body.Contains(strangerEmail, StringComparison.Ordinal));
        // Still not involved: the emergency opening was once, not a key.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/People/Person/{person}")).StatusCode);

        var log = (await worker.GetPageAsync($"/People/Person/{person}")).QuerySelector("#access-log")!.TextContent;
        Assert.Contains(strangerEmail, log, StringComparison.Ordinal);
        Assert.Contains("Emergency access: Found unconscious", log, StringComparison.Ordinal);
        Assert.Contains(workerEmail, log, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_access_log_and_the_audit_log_name_the_kind_of_record_in_the_readers_language(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, _, person, _) = await CaseAsync(app);
        var (worker, _, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        var (administrator, _, _) = await app.NewStaffAsync(involved, Role.Administrator);
        foreach (var client in new[] { worker, administrator })
        {
            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
        }
        await worker.GetPageAsync($"/People/Person/{person}");
        var rawNames = new System.Text.RegularExpressions.Regex($"\\b(?:{string.Join('|', Partnera.Features.Audit.AuditStrings.EntityTypes)})\\b");

        // Registered with a consent and a document, then opened: each entry says what in Ukrainian.
        var log = (await worker.GetPageAsync($"/People/Person/{person}")).QuerySelector("#access-log")!.TextContent;
        Assert.Empty(rawNames.Matches(log).Select(m => m.Value).Distinct());
        foreach (var said in new[] { "Створено · Особа", "Створено · Згода", "Створено · Документ особи", "Створено · Залучена організація", "Переглянуто · Особа" })
            Assert.Contains(said, log, StringComparison.Ordinal);

        var audit = await administrator.GetPageAsync($"/Audit?subject={Uri.EscapeDataString($"Person:{person}")}");
        var records = string.Join(" ", audit.QuerySelectorAll("#audit-log tbody td:nth-child(4) a").Select(a => a.TextContent));
        Assert.Contains("Особа", records, StringComparison.Ordinal);
        Assert.Empty(rawNames.Matches(records).Select(m => m.Value).Distinct());
        // The filter by kind of record offers the kinds by their names, and still filters by the stored type.
        var filter = audit.QuerySelector("select#entityType")!;
        Assert.Equal("Особа", filter.QuerySelector("option[value='Person']")!.TextContent.Trim());
        var people = await administrator.GetPageAsync($"/Audit?entityType=Consent&subject={Uri.EscapeDataString($"Person:{person}")}");
        Assert.Equal(["Згода"], people.QuerySelectorAll("#audit-log tbody td:nth-child(4) a").Select(a => a.TextContent.Trim()).Distinct());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_logs_show_changes_field_by_field_in_the_readers_language_and_keep_personal_values_masked(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, _, person, _) = await CaseAsync(app);
        var (worker, _, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        var (administrator, _, _) = await app.NewStaffAsync(involved, Role.Administrator);

        // An organisation's reception phone is public: the log shows it as written, old → new, not as escaped JSON.
        foreach (var phone in new[] { "+380 50 111 22 33", "+380 67 444 55 66" })
            Assert.Equal(HttpStatusCode.Redirect, (await administrator.SubmitAsync($"/Organisations/Edit/{involved}", ("Input.ReceptionPhone", phone))).StatusCode);
        // A coded value (the organisation's kind) reads in the reader's words, as the organisation's page says it.
        Assert.Equal(HttpStatusCode.Redirect, (await administrator.SubmitAsync($"/Organisations/Edit/{involved}", ("Input.Kind", "Donor"))).StatusCode);
        foreach (var (language, field, kind) in new[] { ("uk", "Телефон приймальні", "Донор"), ("en", "Reception phone", "Donor") })
        {
            administrator.DefaultRequestHeaders.AcceptLanguage.Clear();
            administrator.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var log = (await administrator.GetPageAsync($"/Audit?subject={Uri.EscapeDataString($"Organisation:{involved}")}")).QuerySelector("#audit-log tbody")!;
            var lines = log.QuerySelectorAll(".audit-changes li").Select(l => string.Join(' ', l.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
            Assert.Contains($"{field}: +380 50 111 22 33 → +380 67 444 55 66", lines);
            Assert.Contains(lines, l => l.EndsWith($"→ {kind}", StringComparison.Ordinal));
            Assert.DoesNotContain("\\u00", log.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("{", log.TextContent, StringComparison.Ordinal);
        }

        // A person's phone is personal data: the log never held it, and says only that the field changed.
        foreach (var phone in new[] { "+380501112233", "+380674445566" })
            Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync($"/People/Edit/{person}", ("Input.Phone", phone))).StatusCode);
        foreach (var (client, language, url, selector) in new[]
        {
            (worker, "uk", $"/People/Person/{person}", "#access-log"),
            (administrator, "uk", $"/Audit?subject={Uri.EscapeDataString($"Person:{person}")}", "#audit-log"),
            (worker, "en", $"/People/Person/{person}", "#access-log"),
        })
        {
            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var log = (await client.GetPageAsync(url)).QuerySelector(selector)!;
            var lines = log.QuerySelectorAll(".audit-changes li").Select(l => string.Join(' ', l.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
            Assert.Contains(language == "uk" ? "Телефон: змінено (персональні дані, у журналі не показуються)" : "Phone: changed (personal data, not shown in the log)", lines);
            Assert.DoesNotContain(lines, l => l.Contains("380", StringComparison.Ordinal));
            Assert.DoesNotContain("{", log.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u00", log.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("(personal data)", log.TextContent, StringComparison.Ordinal);
            // The search keys the app makes from names are its own business, not a change anyone made.
            Assert.DoesNotContain(lines, l => l.StartsWith("Family key", StringComparison.Ordinal) || l.StartsWith("Given key", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_kind_of_audited_record_has_a_name_in_all_four_languages()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var missing = await app.WithScopeAsync(s =>
        {
            var t = s.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Partnera.Features.Audit.AuditStrings>>();
            var gaps = new List<string>();
            var before = System.Globalization.CultureInfo.CurrentUICulture;
            try
            {
                foreach (var language in new[] { "en", "uk", "ru", "ro" })
                {
                    System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
                    gaps.AddRange(Partnera.Features.Audit.AuditStrings.EntityTypes.Where(type => t[$"AuditEntity_{type}"].ResourceNotFound).Select(type => $"{language}: {type}"));
                }
            }
            finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
            return Task.FromResult(gaps);
        });
        Assert.True(Partnera.Features.Audit.AuditStrings.EntityTypes.Count > 40);
        Assert.Empty(missing);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_emergency_opening_needs_a_real_reason_is_limited_and_is_told_to_the_staff_of_an_organisation_without_administrator(DatabaseProvider provider)
    {
        await using var app = await apps.NewAppAsync(provider, new Dictionary<string, string?> { ["People:EmergencyOpeningsPerDay"] = "2" });
        var (involved, other, person, family) = await CaseAsync(app);
        var (worker, workerEmail, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        var (_, volunteerEmail, _) = await app.NewStaffAsync(involved, Role.VolunteerCoordinator);
        var (stranger, strangerEmail, _) = await app.NewStaffAsync(other, Role.CsoLeader);

        foreach (var tooShort in new[] { "x", "                         ", "1234567890123456789012345", "aaaaaaaaaaaaaaaaaaaaaaaa" })
        {
            var refused = await stranger.SubmitAsync($"/People/Emergency/{person}", new Dictionary<string, string[]> { ["Reason"] = [tooShort] }, "#emergency-form");
            Assert.Contains("Write why you need to open the record: a sentence of at least 20 characters and three words.", Pages.Parse(await refused.TextAsync()).FieldErrors());
        }
        Assert.DoesNotContain(app.Emails.Sent, m => m.To == workerEmail);
        const string Reason = "Called by the ambulance: unconscious, allergies needed";
        // Sent at once, still no more than the limit.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
            Pages.Parse(await (await stranger.SubmitAsync($"/People/Emergency/{person}", new Dictionary<string, string[]> { ["Reason"] = [Reason] }, "#emergency-form")).TextAsync())));
        Assert.Equal(2, attempts.Count(page => page.QuerySelector("#person-name")?.TextContent.Contains(family, StringComparison.Ordinal) == true));
        var third = await stranger.SubmitAsync($"/People/Emergency/{person}", new Dictionary<string, string[]> { ["Reason"] = [Reason] }, "#emergency-form");
        var thirdPage = Pages.Parse(await third.TextAsync());
        Assert.Null(thirdPage.QuerySelector("#person-name"));
        Assert.Contains(thirdPage.FieldErrors(), e => e.StartsWith("You have already opened the most records allowed", StringComparison.Ordinal));

        // The registering organisation has no administrator: the staff who work with people are told, not the volunteer coordinator.
        Assert.Equal(2, app.Emails.Sent.Count(m => m.To == workerEmail && m.Body.Contains(Reason, StringComparison.Ordinal) && m.Body.Contains(strangerEmail, StringComparison.Ordinal)));
        Assert.DoesNotContain(app.Emails.Sent, m => m.To == volunteerEmail || m.To == strangerEmail);
        var record = await worker.GetPageAsync($"/People/Person/{person}");
        var shown = record.QuerySelector("#emergency-openings")!.TextContent;
        Assert.Contains(strangerEmail, shown, StringComparison.Ordinal);
        Assert.Contains("Emergency access: " + Reason, shown, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_consent_only_names_are_kept_and_withdrawing_it_removes_the_rest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, _, _, _) = await CaseAsync(app);
        var (worker, _, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        var form = new Dictionary<string, string[]>
        {
            ["OrganisationId"] = [involved.ToString()],
            ["Input.FamilyName"] = ["Rusu"],
            ["Input.GivenName"] = ["Ștefan"],
            ["Input.BirthDate"] = ["1975-03-09"],
            ["Input.DocumentKind"] = ["IdCard"],
            ["Input.DocumentNumber"] = ["0991 234 567"],
            ["Input.Categories"] = ["OlderPeople"],
        };
        var refused = await worker.SubmitAsync("/People/Register", form, "#person-form");
        var errors = Pages.Parse(await refused.TextAsync()).FieldErrors();
        Assert.Equal(3, errors.Count(e => e == "Record the person's consent first: without it only the names are kept."));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FamilyName == "Rusu" && p.GivenName == "Ștefan")));

        var community = await app.WithDbAsync(db => db.Territories.Where(t => t.Level == Partnera.Features.Territories.TerritoryLevel.Community).OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).FirstAsync());
        var notACommunity = await worker.SubmitAsync("/People/Register", new Dictionary<string, string[]>(form)
        { ["Consent.Given"] = ["true"], ["Consent.Purpose"] = ["Home care"], ["Consent.GivenOn"] = ["2026-11-20"], ["Input.TerritoryId"] = [involved.ToString()] }, "#person-form");
        Assert.Contains("Choose a community from the list.", Pages.Parse(await notACommunity.TextAsync()).FieldErrors());
        var registered = await worker.SubmitAsync("/People/Register", new Dictionary<string, string[]>(form)
        { ["Consent.Given"] = ["true"], ["Consent.Purpose"] = ["Home care"], ["Consent.GivenOn"] = ["2026-11-20"], ["Input.TerritoryId"] = [community.Id.ToString()] }, "#person-form");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var id = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);
        var stored = await app.WithDbAsync(db => db.People.Include(p => p.Documents).Include(p => p.Consents).SingleAsync(p => p.Id == id));
        Assert.Equal((new DateOnly(1975, 3, 9), "0991234567", "Home care"), (stored.BirthDate!.Value, stored.Documents.Single().Number, stored.Consents.Single().Purpose));
        Assert.Equal(community.Id, stored.TerritoryId);
        Assert.Contains(community.Name.In(new System.Globalization.CultureInfo("en")), (await worker.GetPageAsync($"/People/Person/{stored.Id}")).QuerySelector("#person-community")!.TextContent, StringComparison.Ordinal);

        var consent = stored.Consents.Single().Id;
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync($"/People/Consent/{id}", new Dictionary<string, string[]>(), $"#consent-{consent} .withdraw-form")).StatusCode);
        var after = await app.WithDbAsync(db => db.People.Include(p => p.Documents).Include(p => p.Categories).SingleAsync(p => p.Id == id));
        Assert.Equal(("Rusu", "Ștefan", (DateOnly?)null, 0, 0), (after.FamilyName, after.GivenName, after.BirthDate, after.Documents.Count, after.Categories.Count));
        Assert.NotNull((await worker.GetPageAsync($"/People/Person/{id}")).QuerySelector("#no-consent"));
        // The log says which fields changed, never to what: the removed values are gone everywhere. (The date is looked
        // for as it would be written: "1975" alone turns up by chance inside the entries' ids and timestamps.)
        var changes = await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{id}" && e.Changes != null).Select(e => e.Changes!).ToListAsync());
        Assert.Contains(changes, c => c.Contains("BirthDate", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Contains("1975-03-09", StringComparison.Ordinal) || c.Contains("09.03.1975", StringComparison.Ordinal) || c.Contains("0991234567", StringComparison.Ordinal) || c.Contains("Rusu", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_person_gets_everything_held_about_them_and_erasure_keeps_only_what_the_counts_need(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (involved, _, person, family) = await CaseAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.PersonCategories.Add(new PersonCategory { PersonId = person, Group = Partnera.Features.Directory.TargetGroup.OlderPeople, From = new DateOnly(2026, 1, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        var (worker, _, _) = await app.NewStaffAsync(involved, Role.ProviderStaff);
        using var download = await worker.GetAsync($"/People/Export/{person}?handler=Json");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var json = await download.Content.ReadAsStringAsync();
        foreach (var expected in new[] { family, PersonDocument.Normalise("АА 123456"), "1980-05-01", "Social services", "OlderPeople" }) Assert.Contains(expected, json, StringComparison.Ordinal);
        Assert.Contains(family, (await worker.GetPageAsync($"/People/Export/{person}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Only an administrator of the registering organisation erases, and only with the request described.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/People/Erase/{person}")).StatusCode);
        var (administrator, _, _) = await app.NewStaffAsync(involved, Role.Administrator);
        var noReason = await administrator.SubmitAsync($"/People/Erase/{person}", new Dictionary<string, string[]> { ["Reason"] = [""] }, "#erase-form");
        Assert.Contains("Describe the person's request.", Pages.Parse(await noReason.TextAsync()).FieldErrors());
        Assert.Equal(HttpStatusCode.Redirect, (await administrator.SubmitAsync($"/People/Erase/{person}", new Dictionary<string, string[]> { ["Reason"] = ["Written request of 20 November"] }, "#erase-form")).StatusCode);

        var erased = await app.WithDbAsync(db => db.People.Include(p => p.Documents).Include(p => p.Categories).SingleAsync(p => p.Id == person));
        Assert.Equal(("", "", (DateOnly?)null, 0), (erased.FamilyName, erased.GivenName, erased.BirthDate, erased.Documents.Count));
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal([Partnera.Features.Directory.TargetGroup.OlderPeople], erased.Categories.Select(c => c.Group));
        Assert.Null((await worker.GetPageAsync($"/People?q={Uri.EscapeDataString(family)}")).QuerySelector("#people a"));
        Assert.Contains("Written request of 20 November", await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{person}" && e.Action == AuditAction.Deleted && e.Reason != null).Select(e => e.Reason!).SingleAsync()), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_probable_duplicate_held_elsewhere_shows_only_whom_to_contact(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var born = new DateOnly(1961, 5, 7);
        var family = TestNames.Family("Коваленко");
        var (elsewhere, mine, theirs, ours) = await app.WithDbAsync(async db =>
        {
            var elsewhere = new Organisation { Name = new MultilingualText("Holder " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.Ngo };
            var mine = new Organisation { Name = new MultilingualText("Mine " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.StateServiceProvider };
            var theirs = new Person { FamilyName = family, GivenName = "Олександр", BirthDate = born, Phone = "+380991112233", RegisteredById = elsewhere.Id, RegisteredAt = DateTime.UtcNow };
            var ours = new Person { FamilyName = "Oleksandr", GivenName = SearchKey.For(family), BirthDate = new DateOnly(born.Year, born.Day, born.Month), RegisteredById = mine.Id, RegisteredAt = DateTime.UtcNow };
            theirs.IndexNames();
            ours.IndexNames();
            db.Organisations.AddRange(elsewhere, mine);
            db.People.AddRange(theirs, ours);
            db.PersonInvolvements.AddRange(new PersonInvolvement { PersonId = theirs.Id, OrganisationId = elsewhere.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow },
                new PersonInvolvement { PersonId = ours.Id, OrganisationId = mine.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (elsewhere, mine.Id, theirs.Id, ours.Id);
        });
        var (worker, _, _) = await app.NewStaffAsync(mine, Role.ProviderStaff);
        var page = await worker.GetPageAsync($"/People/Person/{ours}");
        var candidate = page.QuerySelector("#duplicates .duplicate.elsewhere")!;
        Assert.Contains(elsewhere.Name.Value, candidate.TextContent, StringComparison.Ordinal);
        // No score per field: it would tell what the other record holds.
        Assert.Null(candidate.QuerySelector(".match-why"));
        Assert.DoesNotContain(family, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("+380991112233", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{theirs}" && e.Action == AuditAction.Viewed)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{theirs}" && e.Action == AuditAction.Disclosed)));
    }
}
