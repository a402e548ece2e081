using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
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

public sealed class ReferralTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_referral_goes_from_an_ngo_to_a_centre_and_back_sharing_only_what_was_ticked(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var app = await apps.NewAppAsync(provider, time: clock);
        var (ngo, centre, service, person) = await app.WithDbAsync(async db =>
        {
            var ngo = new Organisation { Name = new MultilingualText("Helping Hands"), Kind = OrganisationKind.Ngo };
            var centre = new Organisation { Name = new MultilingualText("Territorial centre"), Kind = OrganisationKind.StateServiceProvider };
            var service = new Service { OrganisationId = centre.Id, Name = new MultilingualText("Home care"), LastModified = DateTime.UtcNow };
            var person = new Person { FamilyName = "Коваленко", GivenName = "Олександр", BirthDate = new DateOnly(1948, 2, 14), Phone = "+380500000001", RegisteredById = ngo.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            person.Consents.Add(new Consent { PersonId = person.Id, OrganisationId = ngo.Id, Purpose = "Care", GivenOn = new DateOnly(2026, 11, 1), RecordedBy = "test" });
            person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = "ВВ000777" });
            db.Organisations.AddRange(ngo, centre);
            db.Services.Add(service);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (ngo.Id, centre.Id, service.Id, person.Id);
        });
        var (social, socialAddress, _) = await app.NewStaffAsync(ngo, Role.ProviderStaff);
        var (intake, intakeEmail, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var (_, colleagueEmail, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.GetAsync($"/People/Person/{person}")).StatusCode);

        var sent = await social.SubmitAsync($"/People/Referrals/Send/{person}", new Dictionary<string, string[]>
        { ["Input.ServiceId"] = [service.ToString()], ["Input.Reason"] = ["Cannot cook or shop alone"], ["Input.Urgency"] = ["Urgent"], ["Input.Shared"] = ["BirthDate"] }, "#referral-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var referral = $"{sent.Headers.Location!.OriginalString}";
        var id = Guid.Parse(referral.Split('/')[^1]);

        // The centre sees the name and what was ticked, nothing else, and cannot change the record.
        var received = await intake.GetPageAsync($"/People/Person/{person}");
        Assert.NotNull(received.QuerySelector("#shared-only"));
        var details = received.QuerySelector("#person-details")!.TextContent;
        Assert.Contains("2/14/1948", details, StringComparison.Ordinal);
        Assert.DoesNotContain("+380500000001", received.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(received.QuerySelector(".document-number"));
        Assert.Equal(HttpStatusCode.NotFound, (await intake.GetAsync($"/People/Edit/{person}")).StatusCode);

        // Overdue once the urgent answer time (24 h) has passed unanswered.
        clock.Advance(TimeSpan.FromHours(25));
        // A day later everyone signs in again (sign-ins last eight hours).
        intake = await SignInAsync(app, intakeEmail);
        var colleague = await SignInAsync(app, colleagueEmail);
        social = await SignInAsync(app, socialAddress);
        Assert.NotNull((await intake.GetPageAsync("/People/Referrals")).QuerySelector(".referral .overdue"));

        // Illegal moves and the wrong side are refused with a reason.
        Assert.Contains("cannot move to that step", await ProblemAsync(intake, referral, "Completed", "Done"), StringComparison.Ordinal);
        Assert.Contains("for the other organisation", await ProblemAsync(social, referral, "Accepted", null), StringComparison.Ordinal);
        Assert.Contains("Give the reason.", await ProblemAsync(intake, referral, "Declined", ""), StringComparison.Ordinal);

        // Two people at the centre answer at once: one wins, the other is told it changed meanwhile.
        var accept = await FormAsync(intake, referral, "Accepted");
        var decline = await FormAsync(colleague, referral, "Declined");
        var answers = await Task.WhenAll(
            intake.PostAsync(accept.Action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", accept.Token), KeyValuePair.Create("note", "")])),
            colleague.PostAsync(decline.Action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", decline.Token), KeyValuePair.Create("note", "No places")])));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        var status = await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        Assert.Contains(status, new[] { ReferralStatus.Accepted, ReferralStatus.Declined });
        Assert.Equal(2, await app.WithDbAsync(db => db.ReferralSteps.CountAsync(s => s.ReferralId == id)));

        if (status == ReferralStatus.Accepted)
        {
            Assert.Null(await ProblemAsync(intake, referral, "InService", null));
            Assert.Contains("Describe the outcome.", await ProblemAsync(intake, referral, "Completed", ""), StringComparison.Ordinal);
            Assert.Null(await ProblemAsync(intake, referral, "Completed", "Daily visits arranged"));
        }
        // Back at the NGO: a message, and the referral closed; every step with its time and organisation.
        Assert.Equal(HttpStatusCode.Redirect, (await intake.SubmitAsync(referral, new Dictionary<string, string[]> { ["text"] = ["Please call before the first visit"] }, "#message-form")).StatusCode);
        Assert.Null(await ProblemAsync(social, referral, "Closed", null));
        var seen = await social.GetPageAsync(referral);
        var steps = seen.QuerySelectorAll("#referral-steps li").Select(li => li.GetAttribute("data-status")).ToList();
        Assert.Equal(status == ReferralStatus.Accepted ? ["Sent", "Accepted", "InService", "Completed", "Closed"] : new List<string?> { "Sent", "Declined", "Closed" }, steps);
        Assert.Contains("Please call before the first visit", seen.QuerySelector("#referral-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Territorial centre", seen.QuerySelectorAll("#referral-steps li")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"Person:{person}" && e.EntityType == nameof(Referral)).Select(e => e.Reason).ToListAsync()),
            reason => reason == "Sent → Accepted" || reason == "Sent → Declined");
    }

    private static async Task<HttpClient> SignInAsync(PartneraApp app, string email)
    {
        var client = app.Browser("en");
        await client.SignInAsync(email);
        return client;
    }

    private static async Task<(string Action, string Token)> FormAsync(HttpClient client, string referral, string to)
    {
        var form = (await client.GetPageAsync(referral)).QuerySelector($"#move-{to}")!;
        return (form.GetAttribute("action")!, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    /// <summary>Moves the referral through its page; null when it moved, otherwise the message shown.</summary>
    private static async Task<string?> ProblemAsync(HttpClient client, string referral, string to, string? note)
    {
        var page = await client.GetPageAsync(referral);
        string action, token;
        if (page.QuerySelector($"#move-{to}") is { } form) (action, token) = (form.GetAttribute("action")!, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        else (action, token) = ($"{referral}?handler=Move&to={to}", page.QuerySelector("#message-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        var response = await client.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("note", note ?? "")]));
        return response.StatusCode == HttpStatusCode.Redirect ? null : Pages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#referral-errors")!.TextContent;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_referral_to_an_organisation_where_no_one_works_with_people_says_they_will_not_see_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (ngo, volunteers, service, person) = await app.WithDbAsync(async db =>
        {
            var ngo = new Organisation { Name = new MultilingualText("Sender " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.Ngo };
            var volunteers = new Organisation { Name = new MultilingualText("Volunteers only " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.Ngo };
            var service = new Service { OrganisationId = volunteers.Id, Name = new MultilingualText("Food parcels"), LastModified = DateTime.UtcNow };
            var person = new Person { FamilyName = TestNames.Family("Мороз"), GivenName = "Ганна", RegisteredById = ngo.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            db.Organisations.AddRange(ngo, volunteers);
            db.Services.Add(service);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (ngo.Id, volunteers.Id, service.Id, person.Id);
        });
        await app.NewStaffAsync(volunteers, Role.VolunteerCoordinator);
        var (social, _, _) = await app.NewStaffAsync(ngo, Role.ProviderStaff);
        var sent = await social.SubmitAsync($"/People/Referrals/Send/{person}", new Dictionary<string, string[]>
        { ["Input.ServiceId"] = [service.ToString()], ["Input.Reason"] = ["Needs food"], ["Input.Urgency"] = ["Routine"] }, "#referral-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await social.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("no one there will see this referral", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
