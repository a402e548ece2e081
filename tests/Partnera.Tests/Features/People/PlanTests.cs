using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

public sealed class PlanTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_resident_of_an_institution_moves_to_the_community_with_follow_ups_at_3_6_and_12_months(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, institution, person) = await app.WithDbAsync(async db =>
        {
            var centre = new Organisation { Name = new MultilingualText("Centre " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.StateServiceProvider };
            var institution = new Organisation { Name = new MultilingualText("Internat " + Guid.NewGuid().ToString("N")[..5]), Kind = OrganisationKind.ResidentialInstitution };
            var person = new Person { FamilyName = "Ceban", GivenName = "Ion", RegisteredById = centre.Id, RegisteredAt = DateTime.UtcNow };
            person.IndexNames();
            db.Organisations.AddRange(centre, institution);
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = centre.Id, Kind = Involvement.Registered, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (centre.Id, institution.Id, person.Id);
        });
        var (worker, _, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var page = $"/People/Plans/{person}";
        var missing = await worker.SubmitAsync(page, new Dictionary<string, string[]> { ["kind"] = ["TransitionPlan"], ["assessedOn"] = ["2025-11-01"], ["needs"] = ["Wants to live independently"] }, "#new-plan-form");
        Assert.Contains("Choose the institution the person leaves.", Pages.Parse(await missing.TextAsync()).FieldErrors());
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(page, new Dictionary<string, string[]>
        { ["kind"] = ["TransitionPlan"], ["assessedOn"] = ["2025-11-01"], ["needs"] = ["Wants to live independently"], ["institution"] = [institution.ToString()], ["nextReview"] = ["2026-05-01"] }, "#new-plan-form")).StatusCode);
        var plan = await app.WithDbAsync(db => db.IndividualPlans.Where(p => p.PersonId == person).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(page, new Dictionary<string, string[]>
        { ["text"] = ["Find protected housing"], ["responsible"] = [centre.ToString()], ["due"] = ["2025-12-31"] }, $"#plan-{plan} .goal-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(page, new Dictionary<string, string[]>(), $"#plan-{plan} .goal form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(page, new Dictionary<string, string[]> { ["movedOn"] = ["2026-01-15"] }, $"#plan-{plan} .moved-form")).StatusCode);

        var shown = await worker.GetPageAsync(page);
        Assert.Contains("Find protected housing", shown.QuerySelector($"#plan-{plan} .goal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("done", shown.QuerySelector($"#plan-{plan} .goal .badge")!.TextContent, StringComparison.Ordinal);
        var visits = shown.QuerySelectorAll($"#plan-{plan} .follow-up");
        Assert.Equal(["3", "6", "12"], visits.Select(v => v.GetAttribute("data-months")));
        Assert.Equal(["4/15/2026", "7/15/2026", "1/15/2027"], visits.Select(v => v.TextContent.Split('·')[1].Trim().Split((char[])[' ', '\n'])[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(page, new Dictionary<string, string[]> { ["visitedOn"] = ["2026-04-20"], ["notes"] = ["Settled in well"] }, $"#plan-{plan} .follow-up[data-months='3'] .visit-form")).StatusCode);
        Assert.Contains("Settled in well", (await worker.GetPageAsync(page)).QuerySelector($"#plan-{plan} .follow-up[data-months='3']")!.TextContent, StringComparison.Ordinal);

        // The count of people who left institutions comes from these records; no one else sees the plans.
        Assert.True(await app.WithDbAsync(db => PlansModel.LeftInstitutionsAsync(db, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None)) >= 1);
        Assert.Equal(0, await app.WithDbAsync(db => PlansModel.LeftInstitutionsAsync(db, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), CancellationToken.None)));
        var (volunteer, _, _) = await app.NewStaffAsync(centre, Role.VolunteerCoordinator);
        Assert.NotEqual(HttpStatusCode.OK, (await volunteer.GetAsync(page)).StatusCode);
    }
}
