using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class HouseholdTests(TestApps apps)
{
    private static readonly Dictionary<string, string[]> Consented = new()
    {
        ["Consent.Given"] = ["true"],
        ["Consent.Purpose"] = ["Home care"],
        ["Consent.GivenOn"] = ["2026-11-20"],
    };

    private static async Task<Guid> OrganisationAsync(PartneraApp app, string name) => await app.WithDbAsync(async db =>
    {
        var organisation = new Organisation { Name = new MultilingualText(name), Kind = OrganisationKind.StateServiceProvider };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_household_members_with_their_relation_and_see_them_on_each_record(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Ткаченко");
        var centre = await OrganisationAsync(app, "Centre " + family);
        var (worker, _, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var headForm = new Dictionary<string, string[]>(Consented)
        {
            ["Input.FamilyName"] = [family],
            ["Input.GivenName"] = ["Ганна"],
            ["Input.Address"] = ["Бахмут, вул. Миру, 5"],
            ["Input.Categories"] = ["PeopleWithDisabilities", "InternallyDisplaced"],
            ["Input.CategorySince[PeopleWithDisabilities]"] = ["2031-01-01"],
        };
        // A group's date is when the person came to belong to it: never in the future, the day of registration when not given.
        var future = await worker.SubmitAsync("/People/Register", headForm, "#person-form");
        Assert.Contains("The date a group applies from cannot be in the future.", Pages.Parse(await future.TextAsync()).FieldErrors());
        headForm["Input.CategorySince[PeopleWithDisabilities]"] = ["2015-06-01"];
        var head = await worker.SubmitAsync("/People/Register", headForm, "#person-form");
        var headId = Guid.Parse(head.Headers.Location!.OriginalString.Split('/')[^1]);
        var groups = await app.WithDbAsync(db => db.PersonCategories.Where(c => c.PersonId == headId).ToDictionaryAsync(c => c.Group, c => c.From));
        Assert.Equal(new DateOnly(2015, 6, 1), groups[Partnera.Features.Directory.TargetGroup.PeopleWithDisabilities]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), groups[Partnera.Features.Directory.TargetGroup.InternallyDisplaced]);
        Assert.Equal("2015-06-01", (await worker.GetPageAsync($"/People/Edit/{headId}")).QuerySelector("#Input_CategorySince_PeopleWithDisabilities")!.GetAttribute("value"));

        // Adding a member starts from the head's record: the home is offered, the relation is asked for.
        var form = await worker.GetPageAsync($"/People/Register?householdOf={headId}");
        Assert.Contains(family, form.QuerySelector("#household-of")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Бахмут, вул. Миру, 5", form.QuerySelector("#Input_Address")!.GetAttribute("value"));
        var member = new Dictionary<string, string[]>(Consented) { ["Input.FamilyName"] = [family], ["Input.GivenName"] = ["Марко"], ["Input.BirthDate"] = ["2012-04-01"] };
        var noRelation = await worker.SubmitAsync($"/People/Register?householdOf={headId}", member, "#person-form");
        Assert.Contains("Say how the member is related to the head of the household.", Pages.Parse(await noRelation.TextAsync()).FieldErrors());
        var added = await worker.SubmitAsync($"/People/Register?householdOf={headId}", new Dictionary<string, string[]>(member) { ["Input.Relation"] = ["Child"] }, "#person-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var memberId = Guid.Parse(added.Headers.Location!.OriginalString.Split('/')[^1]);

        var (stored, child) = await app.WithDbAsync(async db => (await db.People.SingleAsync(p => p.Id == headId), await db.People.SingleAsync(p => p.Id == memberId)));
        Assert.NotNull(stored.HouseholdId);
        Assert.Equal((stored.HouseholdId, HouseholdRelation.Head, HouseholdRelation.Child, "Бахмут, вул. Миру, 5"), (child.HouseholdId, stored.Relation!.Value, child.Relation!.Value, child.Address));

        // Each record lists the others, and showing their names is an audited read.
        var record = await worker.GetPageAsync($"/People/Person/{headId}");
        Assert.Contains("Марко", record.QuerySelector("#household-members")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Child", record.QuerySelector("#household-members")!.TextContent, StringComparison.Ordinal);
        var memberRecord = await worker.GetPageAsync($"/People/Person/{memberId}");
        Assert.Contains("Child", memberRecord.QuerySelector("#relation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Head of the household", memberRecord.QuerySelector("#household-members")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Subject == $"Person:{memberId}" && e.Action == AuditAction.Viewed && e.Reason == "household")));

        // Another organisation cannot add to a household it does not hold, nor learn who is in it.
        var (stranger, _, _) = await app.NewStaffAsync(await OrganisationAsync(app, "Other " + family), Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/People/Register?householdOf={headId}")).StatusCode);

        // Taking the relation away takes the member out of the household.
        var edit = await worker.SubmitAsync($"/People/Edit/{memberId}", new Dictionary<string, string[]> { ["Input.Relation"] = [""] }, "#person-form");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal((null, null), await app.WithDbAsync(db => db.People.Where(p => p.Id == memberId).Select(p => new Tuple<Guid?, HouseholdRelation?>(p.HouseholdId, p.Relation).ToValueTuple()).SingleAsync()));
        Assert.Null((await worker.GetPageAsync($"/People/Person/{headId}")).QuerySelector("#household-members"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Someone_already_registered_joins_a_household_only_with_consent_and_a_relation(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Савченко");
        var centre = await OrganisationAsync(app, "Centre " + family);
        var (worker, _, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        async Task<Guid> RegisterAsync(string given, bool consent)
        {
            var form = new Dictionary<string, string[]>(consent ? Consented : []) { ["Input.FamilyName"] = [family], ["Input.GivenName"] = [given] };
            var registered = await worker.SubmitAsync("/People/Register", form, "#person-form");
            return Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);
        }
        var (head, wife, uncle) = (await RegisterAsync("Павло", true), await RegisterAsync("Ольга", true), await RegisterAsync("Іван", false));

        var page = $"/People/Household/{head}?q={Uri.EscapeDataString(family)}";
        var found = await worker.GetPageAsync(page);
        Assert.Equal(new[] { uncle, wife }.Order(), found.QuerySelectorAll("#found form[data-person]").Select(f => Guid.Parse(f.GetAttribute("data-person")!)).Order());
        var noConsent = await worker.SubmitAsync(page, new Dictionary<string, string[]> { ["relation"] = ["OtherRelative"] }, $"form[data-person='{uncle}']");
        Assert.Contains("Record the consent of", Pages.Parse(await noConsent.TextAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var noRelation = await worker.SubmitAsync(page, new Dictionary<string, string[]>(), $"form[data-person='{wife}']");
        Assert.Contains("Say how the member is related", Pages.Parse(await noRelation.TextAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var added = await worker.SubmitAsync(page, new Dictionary<string, string[]> { ["relation"] = ["Spouse"] }, $"form[data-person='{wife}']");
        Assert.Equal($"/People/Person/{head}", added.Headers.Location?.OriginalString);

        var people = await app.WithDbAsync(db => db.People.Where(p => p.Id == head || p.Id == wife || p.Id == uncle).ToDictionaryAsync(p => p.Id));
        Assert.NotNull(people[head].HouseholdId);
        Assert.Equal((people[head].HouseholdId, HouseholdRelation.Head, HouseholdRelation.Spouse), (people[wife].HouseholdId, people[head].Relation!.Value, people[wife].Relation!.Value));
        Assert.Null(people[uncle].HouseholdId);
        // Someone already in the household is not offered again.
        Assert.Equal([uncle], (await worker.GetPageAsync(page)).QuerySelectorAll("#found form[data-person]").Select(f => Guid.Parse(f.GetAttribute("data-person")!)));

        var (stranger, _, _) = await app.NewStaffAsync(await OrganisationAsync(app, "Other " + family), Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Printing_a_persons_record_is_written_to_the_audit_log(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Гончаренко");
        var centre = await OrganisationAsync(app, "Centre " + family);
        var (worker, _, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var registered = await worker.SubmitAsync("/People/Register", new Dictionary<string, string[]>(Consented) { ["Input.FamilyName"] = [family], ["Input.GivenName"] = ["Ірина"] }, "#person-form");
        var id = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);

        var export = await worker.GetPageAsync($"/People/Export/{id}");
        var print = await worker.GetPageAsync(export.QuerySelector("#export-print")!.GetAttribute("href")!);
        Assert.Contains(family, print.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(print.QuerySelector("script[src^='/js/print-on-load.']"));
        Assert.Null(export.QuerySelector("script[src^='/js/print-on-load.']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Subject == $"Person:{id}" && e.Action == AuditAction.Printed)));

        var (stranger, _, _) = await app.NewStaffAsync(await OrganisationAsync(app, "Other " + family), Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/People/Export/{id}?handler=Print")).StatusCode);
    }
}
