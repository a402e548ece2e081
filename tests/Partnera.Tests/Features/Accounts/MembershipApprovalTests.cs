using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Accounts;

public sealed class MembershipApprovalTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_cannot_silently_give_themselves_access_to_another_organisations_people(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var family = TestNames.Family("Бондар");
        var (council, centre, person) = await app.WithDbAsync(async db =>
        {
            var council = new Organisation { Name = new MultilingualText("Council " + family), Kind = OrganisationKind.PublicAuthority };
            var centre = new Organisation { Name = new MultilingualText("Centre " + family), Kind = OrganisationKind.StateServiceProvider };
            var person = new Person { FamilyName = family, GivenName = "Петро", RegisteredById = centre.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            db.Organisations.AddRange(council, centre);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (council.Id, centre.Id, person.Id);
        });
        var (_, centreAdminEmail, _) = await app.NewStaffAsync(centre, Role.Administrator);
        var (intruder, intruderEmail, intruderId) = await app.NewStaffAsync(council, Role.Administrator);
        var editUrl = $"/Account/Users/Edit/{intruderId}";

        var added = await intruder.SubmitAsync(editUrl, new Dictionary<string, string[]> { ["OrganisationId"] = [centre.ToString()], ["Role"] = ["ProviderStaff"] }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var membership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == intruderId && m.OrganisationId == centre));
        Assert.NotNull(membership.PendingSince);
        // The centre is told, and nothing opens until someone else approves.
        var told = Assert.Single(app.Emails.Sent, m => m.To == centreAdminEmail && m.Body.Contains(intruderEmail, StringComparison.Ordinal));
        Assert.Contains("Centre " + family, told.Body, StringComparison.Ordinal);
        var resigned = app.Browser();
        await resigned.SignInAsync(intruderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await resigned.GetAsync($"/People/Person/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resigned.GetAsync($"/api/v1/people/{person}/export")).StatusCode);

        // Not by the one who asked.
        var page = await intruder.GetPageAsync(editUrl);
        Assert.NotNull(page.QuerySelector($"li[data-membership='{membership.Id}'] .pending"));
        Assert.Null(page.QuerySelector($"li[data-membership='{membership.Id}'] form[action*='handler=Approve']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var selfApproved = await intruder.PostAsync($"{editUrl}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["membershipId"] = membership.Id.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, selfApproved.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == membership.Id).Select(m => m.PendingSince).SingleAsync()));

        // Nor by an account the one who asked has just made an administrator: that role itself waits for a second
        // administrator, so a chain of one person's accounts never approves anything.
        var (sock, _, sockId) = await app.NewStaffAsync(council, Role.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await intruder.SubmitAsync($"/Account/Users/Edit/{sockId}", new Dictionary<string, string[]> { ["OrganisationId"] = [council.ToString()], ["Role"] = ["Administrator"] }, "form[action*='handler=Add']")).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == sockId && m.Role == Role.Administrator).Select(m => m.PendingSince).SingleAsync()));
        var sockAttempt = await sock.GetAsync(editUrl);
        Assert.Equal(HttpStatusCode.Redirect, sockAttempt.StatusCode);
        Assert.Contains("/Account/AccessDenied", sockAttempt.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A second platform administrator approves; the centre hears of it and the role now works.
        var (second, _, _) = await app.NewStaffAsync(council, Role.Administrator);
        Assert.Contains(intruderEmail, (await second.GetPageAsync("/Account/Users")).QuerySelector("#waiting-approval")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(editUrl, new Dictionary<string, string[]>(), $"li[data-membership='{membership.Id}'] form[action*='handler=Approve']")).StatusCode);
        Assert.Contains(app.Emails.Sent, m => m.To == centreAdminEmail && m.Subject == "A role in your organisation was approved");
        var approved = app.Browser();
        await approved.SignInAsync(intruderEmail);
        Assert.Equal(HttpStatusCode.OK, (await approved.GetAsync($"/People/Person/{person}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_organisations_own_administrator_gives_its_roles_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var centre = await app.WithDbAsync(async db =>
        {
            var o = new Organisation { Name = new MultilingualText("Centre " + TestNames.Family("Own")), Kind = OrganisationKind.StateServiceProvider };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        var (administrator, _, _) = await app.NewStaffAsync(centre, Role.Administrator);
        var (_, _, colleague) = await app.NewStaffAsync(centre, Role.VolunteerCoordinator);
        var added = await administrator.SubmitAsync($"/Account/Users/Edit/{colleague}", new Dictionary<string, string[]> { ["OrganisationId"] = [centre.ToString()], ["Role"] = ["ProviderStaff"] }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var membership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == colleague && m.Role == Role.ProviderStaff));
        Assert.Null(membership.PendingSince);
    }

    private static async Task<HttpStatusCode> AddAsync(HttpClient client, Guid account, Guid organisation, Role role) =>
        (await client.SubmitAsync($"/Account/Users/Edit/{account}", new Dictionary<string, string[]> { ["OrganisationId"] = [organisation.ToString()], ["Role"] = [role.ToString()] }, "form[action*='handler=Add']")).StatusCode;

    private static async Task<HttpStatusCode> ApproveAsync(HttpClient client, Guid account, Guid membership)
    {
        var token = (await client.GetPageAsync("/Account/Manage")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return (await client.PostAsync($"/Account/Users/Edit/{account}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["membershipId"] = membership.ToString(), ["__RequestVerificationToken"] = token }))).StatusCode;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task No_chain_of_administrators_one_person_made_approves_that_persons_access(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (council, centre) = await app.WithDbAsync(async db =>
        {
            var council = new Organisation { Name = new MultilingualText("Council " + TestNames.Family("Chain")), Kind = OrganisationKind.PublicAuthority };
            var centre = new Organisation { Name = new MultilingualText("Centre " + TestNames.Family("Chain")), Kind = OrganisationKind.StateServiceProvider };
            db.Organisations.AddRange(council, centre);
            await db.SaveChangesAsync();
            return (council.Id, centre.Id);
        });
        var (intruder, intruderEmail, intruderId) = await app.NewStaffAsync(council, Role.Administrator);
        var (independent, _, _) = await app.NewStaffAsync(council, Role.Administrator);
        Task<Membership> MembershipAsync(Guid account, Guid organisation, Role role) =>
            app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == account && m.OrganisationId == organisation && m.Role == role));

        // The administrator role at another organisation waits like any role that opens its people.
        Assert.Equal(HttpStatusCode.Redirect, await AddAsync(intruder, intruderId, centre, Role.Administrator));
        Assert.NotNull((await MembershipAsync(intruderId, centre, Role.Administrator)).PendingSince);

        // The intruder makes B an administrator, B makes C (both approved by an independent one: the intruder may not
        // approve what the account it made asked for).
        var (b, _, bId) = await app.NewStaffAsync(council, Role.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.Redirect, await AddAsync(intruder, bId, council, Role.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, await ApproveAsync(independent, bId, (await MembershipAsync(bId, council, Role.Administrator)).Id));
        var (c, _, cId) = await app.NewStaffAsync(council, Role.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.Redirect, await AddAsync(b, cId, council, Role.Administrator));
        var cAdministrator = (await MembershipAsync(cId, council, Role.Administrator)).Id;
        Assert.Equal(HttpStatusCode.NotFound, await ApproveAsync(intruder, cId, cAdministrator));
        Assert.Equal(HttpStatusCode.Redirect, await ApproveAsync(independent, cId, cAdministrator));
        Assert.Null((await MembershipAsync(cId, council, Role.Administrator)).PendingSince);

        // Neither B nor C approves the intruder's own access: both owe their role to the intruder.
        Assert.Equal(HttpStatusCode.Redirect, await AddAsync(intruder, intruderId, centre, Role.ProviderStaff));
        var wanted = await MembershipAsync(intruderId, centre, Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, await ApproveAsync(b, intruderId, wanted.Id));
        Assert.Equal(HttpStatusCode.NotFound, await ApproveAsync(c, intruderId, wanted.Id));
        Assert.NotNull((await MembershipAsync(intruderId, centre, Role.ProviderStaff)).PendingSince);
        Assert.Equal(HttpStatusCode.Redirect, await ApproveAsync(independent, intruderId, wanted.Id));
        Assert.Equal(intruderEmail, (await MembershipAsync(intruderId, centre, Role.ProviderStaff)).GrantedBy);

        // Nor the other way round: C asks for the centre for itself, and the intruder, whose account B made C, may not approve.
        Assert.Equal(HttpStatusCode.Redirect, await AddAsync(c, cId, centre, Role.ProviderStaff));
        var puppets = await MembershipAsync(cId, centre, Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, await ApproveAsync(b, cId, puppets.Id));
        Assert.Equal(HttpStatusCode.NotFound, await ApproveAsync(intruder, cId, puppets.Id));
        Assert.NotNull((await MembershipAsync(cId, centre, Role.ProviderStaff)).PendingSince);
    }
}
