using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Planning;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

public sealed class LifecycleTests(TestApps apps)
{
    /// <summary>A draft plan of a new community, drafted by the Bakhmut council (the demo specialist's organisation), with one goal and one measure for 40 people.</summary>
    private static Task<(Guid Plan, Guid Goal, Guid Measure)> DraftAsync(PartneraApp app) => app.WithDbAsync(async db =>
    {
        var code = Guid.NewGuid().ToString("N")[..8];
        var place = new Territory { Level = TerritoryLevel.Community, Name = new MultilingualText("Planville " + code), TimeZone = "Europe/Kyiv" };
        var owner = await db.Memberships.Where(m => m.User!.Email == "specialist@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var plan = new CommunityPlan { TerritoryId = place.Id, OwnerId = owner, Title = new MultilingualText("Plan " + code), FirstYear = 2027, LastYear = 2029 };
        var goal = new PlanGoal { PlanId = plan.Id, Number = 1, Title = new MultilingualText("Care at home") };
        var measure = new PlanMeasure { PlanId = plan.Id, GoalId = goal.Id, Title = new MultilingualText("Home care team"), ExpectedUsers = 40, ResponsibleId = owner };
        goal.Measures.Add(measure);
        plan.Goals.Add(goal);
        db.Territories.Add(place);
        db.CommunityPlans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, goal.Id, measure.Id);
    });

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid plan, PlanStatus to, Dictionary<string, string[]>? fields = null,
        IDictionary<string, (string, byte[])>? files = null) =>
        client.SubmitAsync($"/Planning/Status/{plan}", new Dictionary<string, string[]>(fields ?? []) { ["To"] = [to.ToString()] }, $"#to-{to}", files: files);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_plan_goes_through_consultation_revision_and_approval_keeping_each_published_version(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (planId, goalId, measureId) = await DraftAsync(app);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var status = await specialist.GetPageAsync($"/Planning/Status/{planId}");
        Assert.NotNull(status.QuerySelector("#to-Consultation"));
        Assert.Null(status.QuerySelector("#to-Approved"));

        var progress = $"/Planning/Progress/{planId}/{measureId}";
        var early = await specialist.SubmitAsync(progress, new Dictionary<string, string[]> { ["Input.ReportedOn"] = ["2027-03-01"], ["Input.Percent"] = ["10"], ["Input.Note"] = ["Started"] }, "#progress-form");
        Assert.Contains("Progress is reported once the plan is approved.", Pages.Parse(await early.TextAsync()).FieldErrors());

        // A draft cannot be approved without consultation, however the form is sent.
        var forged = await specialist.SubmitAsync($"/Planning/Status/{planId}", new Dictionary<string, string[]> { ["To"] = ["Approved"] }, "#to-Consultation");
        Assert.Contains("The plan cannot move to that stage from where it is.", Pages.Parse(await forged.TextAsync()).FieldErrors());
        var past = await MoveAsync(specialist, planId, PlanStatus.Consultation, new() { ["Transition.ConsultationStarts"] = ["2020-01-01"], ["Transition.ConsultationEnds"] = ["2020-02-01"] });
        Assert.Contains("The closing date has already passed in the community.", Pages.Parse(await past.TextAsync()).FieldErrors());
        Assert.Equal(PlanStatus.Draft, await StatusAsync(app, planId));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(specialist, planId, PlanStatus.Consultation,
            new() { ["Transition.ConsultationStarts"] = ["2026-11-01"], ["Transition.ConsultationEnds"] = ["2099-12-31"] })).StatusCode);

        // Published: the content is frozen until revision.
        var plan = await specialist.GetPageAsync($"/Planning/Plan/{planId}");
        Assert.Equal("public consultation", plan.QuerySelector("#plan-status")!.TextContent.Trim());
        Assert.Single(plan.QuerySelectorAll("#versions li"));
        Assert.Null(plan.QuerySelector("#goal-form"));
        var frozen = await specialist.SubmitAsync($"/Planning/Measure/{planId}/{measureId}", new Dictionary<string, string[]> { ["Input.ExpectedUsers"] = ["99"] }, "#measure-form");
        Assert.Contains("This version is published: goals and measures change only in the draft or during revision.", Pages.Parse(await frozen.TextAsync()).FieldErrors());

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(specialist, planId, PlanStatus.Revision)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Measure/{planId}/{measureId}", new Dictionary<string, string[]> { ["Input.ExpectedUsers"] = ["55"] }, "#measure-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Measure/{planId}?goal={goalId}", new Dictionary<string, string[]>
        { ["Input.Title"] = ["Respite care"], ["Input.ExpectedUsers"] = ["12"] }, "#measure-form")).StatusCode);

        var noDocument = await MoveAsync(specialist, planId, PlanStatus.Approved,
            new() { ["Transition.DecisionNumber"] = ["12/3"], ["Transition.DecisionDate"] = ["2026-12-20"], ["Transition.DecisionBody"] = ["Community council"] });
        Assert.Contains("Attach the signed decision.", Pages.Parse(await noDocument.TextAsync()).FieldErrors());
        byte[] signed = [.. "%PDF-1.4 decision"u8];
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(specialist, planId, PlanStatus.Approved,
            new() { ["Transition.DecisionNumber"] = ["12/3"], ["Transition.DecisionDate"] = ["2026-12-20"], ["Transition.DecisionBody"] = ["Community council"] },
            new Dictionary<string, (string, byte[])> { ["Document"] = ("decision.pdf", signed) })).StatusCode);
        plan = await specialist.GetPageAsync($"/Planning/Plan/{planId}");
        Assert.Contains("decision no. 12/3", plan.QuerySelector("#plan-decision")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(signed, await app.Browser("en").GetByteArrayAsync($"/Planning/{planId}/decision"));

        // Version 2 against version 1, measure by measure.
        var changes = await specialist.GetPageAsync($"/Planning/Changes/{planId}");
        var changed = changes.QuerySelector("#changes .change[data-kind=Changed]")!;
        Assert.Equal(("40", "55"), (changed.QuerySelector("tr[data-field=Measure_ExpectedUsers] .before")!.TextContent, changed.QuerySelector("tr[data-field=Measure_ExpectedUsers] .after")!.TextContent));
        Assert.Single(changed.QuerySelectorAll("tbody tr"));
        Assert.Contains("Respite care", changes.QuerySelector("#changes .change[data-kind=Added]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == planId)));

        // Implementation reports, public: the latest progress and all money spent.
        var noSource = await specialist.SubmitAsync(progress, new Dictionary<string, string[]> { ["Input.ReportedOn"] = ["2027-03-01"], ["Input.Percent"] = ["25"], ["Input.Spent"] = ["10"], ["Input.Note"] = ["Team hired"] }, "#progress-form");
        Assert.Contains("Say where the money came from.", Pages.Parse(await noSource.TextAsync()).FieldErrors());
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(progress, new Dictionary<string, string[]>
        { ["Input.ReportedOn"] = ["2027-03-01"], ["Input.Percent"] = ["25"], ["Input.Spent"] = ["1 000 000"], ["Input.Source"] = ["LocalBudget"], ["Input.Note"] = ["Team hired"] }, "#progress-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(progress, new Dictionary<string, string[]>
        { ["Input.ReportedOn"] = ["2027-06-30"], ["Input.Percent"] = ["60"], ["Input.Spent"] = ["500000"], ["Input.Source"] = ["Donor"], ["Input.Note"] = ["Car bought"] }, "#progress-form")).StatusCode);
        var publicPage = await app.Browser("en").GetPageAsync($"/Planning/Public/{planId}");
        Assert.Equal("Done: 60 % as of 6/30/2027; spent so far: 1,500,000 UAH", publicPage.QuerySelector($"#measure-{measureId} .progress-line")!.TextContent.Trim());

        // Anonymous readers are served a kept copy (signed-in people never are), dropped as soon as the plan changes.
        var again = await app.Browser("en").GetAsync($"/Planning/Public/{planId}");
        Assert.NotNull(again.Headers.Age);
        Assert.Null((await specialist.GetAsync($"/Planning/Public/{planId}")).Headers.Age);

        // Evidence of the work and the directory services the measure created, public as well.
        var serviceId = await app.WithDbAsync(async db =>
        {
            var owner = await db.CommunityPlans.Where(p => p.Id == planId).Select(p => p.OwnerId).SingleAsync();
            var service = new Service { OrganisationId = owner, Name = new MultilingualText("Planville home care"), LastModified = DateTime.UtcNow };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(progress, new Dictionary<string, string[]> { ["services"] = [serviceId.ToString()] }, "#services-form")).StatusCode);
        byte[] photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(progress, new Dictionary<string, string[]>
        { ["Input.ReportedOn"] = ["2027-09-30"], ["Input.Percent"] = ["80"], ["Input.Note"] = ["Ten families served"] }, "#progress-form",
            files: new Dictionary<string, (string, byte[])> { ["Evidence"] = ("team.png", photo) })).StatusCode);
        // People served come from referrals taken into service there: counted once each, whatever their steps.
        await app.WithDbAsync(async db =>
        {
            var owner = await db.CommunityPlans.Where(p => p.Id == planId).Select(p => p.OwnerId).SingleAsync();
            var people = Enumerable.Range(0, 3).Select(i => new Partnera.Features.People.Person { FamilyName = "Served" + i, GivenName = "X", RegisteredById = owner, RegisteredAt = DateTime.UtcNow }).ToList();
            db.People.AddRange(people);
            Partnera.Features.People.Referrals.Referral To(Partnera.Features.People.Person p, Partnera.Features.People.Referrals.ReferralStatus status, string? outcome) => new()
            {
                PersonId = p.Id,
                FromOrganisationId = owner,
                ToOrganisationId = owner,
                ServiceId = serviceId,
                Reason = "r",
                Status = status,
                Outcome = outcome,
                SentAt = DateTime.UtcNow,
                AnswerDue = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Referrals.AddRange(To(people[0], Partnera.Features.People.Referrals.ReferralStatus.InService, null), To(people[0], Partnera.Features.People.Referrals.ReferralStatus.Closed, "Done"),
                To(people[1], Partnera.Features.People.Referrals.ReferralStatus.Closed, "Done"), To(people[2], Partnera.Features.People.Referrals.ReferralStatus.Sent, null));
            await db.SaveChangesAsync();
            return 0;
        });
        var fresh = await app.Browser("en").GetPageAsync($"/Planning/Public/{planId}");
        Assert.Equal("people served: 2", fresh.QuerySelector($"#measure-{measureId} .people-served")!.TextContent);
        Assert.Equal($"/Directory/Service/{serviceId}", fresh.QuerySelector($"#measure-{measureId} .measure-services a")!.GetAttribute("href"));
        var evidence = fresh.QuerySelector($"#measure-{measureId} .progress-line a")!.GetAttribute("href")!;
        Assert.Equal(photo, await app.Browser("en").GetByteArrayAsync(evidence));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(specialist, planId, PlanStatus.InImplementation)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(specialist, planId, PlanStatus.Completed)).StatusCode);
        Assert.Equal(PlanStatus.Completed, await StatusAsync(app, planId));

        // Only the drafting authority moves the plan on.
        var cso = app.Browser("en");
        await cso.SignInAsync("cso@partnera.demo");
        Assert.NotEqual(HttpStatusCode.OK, (await cso.GetAsync($"/Planning/Status/{planId}")).StatusCode);
    }

    private static Task<PlanStatus> StatusAsync(PartneraApp app, Guid plan) =>
        app.WithDbAsync(db => db.CommunityPlans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync());
}
