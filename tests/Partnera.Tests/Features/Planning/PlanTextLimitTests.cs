using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Planning;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

/// <summary>Free text on the planning pages has a limit: a 20,000-character comment is refused with a message at the field, and nothing is published.</summary>
public sealed class PlanTextLimitTests(TestApps apps)
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("Very long comment. ", 1100));

    [Theory, ClassData(typeof(Databases))]
    public async Task Overlong_free_text_on_planning_pages_is_refused_at_the_field(DatabaseProvider provider)
    {
        Assert.True(Huge.Length >= 20_000);
        var app = await apps.GetAsync(provider);
        var planId = await ConsultationTests.PlanWithADayCentreAsync(app, "Limitville", "Limited plan");
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Status/{planId}", new Dictionary<string, string[]>
        { ["To"] = ["Consultation"], ["Transition.ConsultationStarts"] = ["2026-01-01"], ["Transition.ConsultationEnds"] = ["2099-12-31"] }, "#to-Consultation")).StatusCode);

        // A resident's comment, its reason and its cost.
        var page = $"/Planning/Public/{planId}";
        var (resident, _, _) = await app.NewResidentAsync("Ana Lungu");
        foreach (var (field, value) in new[] { ("Comment.Text", Huge), ("Comment.Reason", Huge), ("Comment.EstimatedCost", new string('9', 100)) })
        {
            var fields = new Dictionary<string, string[]> { ["Comment.Kind"] = ["NewMeasure"], ["Comment.Text"] = ["A club"], ["Comment.Reason"] = ["None for teenagers"], [field] = [value] };
            var response = await resident.SubmitAsync(page, fields, "#comment-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var form = Pages.Parse(await response.TextAsync());
            Assert.True(form.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim().Length > 0, $"{field}: no message at the field");
        }
        Assert.False(await app.WithDbAsync(db => db.PlanComments.AnyAsync(c => c.PlanId == planId)));

        // A hearing's proposal and an answer to a comment, entered by the authority.
        Assert.Equal(HttpStatusCode.Redirect, (await resident.SubmitAsync(page, new Dictionary<string, string[]> { ["Comment.Text"] = ["Fine plan"] }, "#comment-form")).StatusCode);
        var answer = await specialist.SubmitAsync($"/Planning/Answers/{planId}", new Dictionary<string, string[]> { ["Decision"] = ["Accepted"], ["Answer"] = [Huge] }, "form[action*=Answer]");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(Pages.Parse(await answer.TextAsync()).FieldErrors().Count > 0);
        Assert.False(await app.WithDbAsync(db => db.PlanComments.AnyAsync(c => c.PlanId == planId && c.Answer != null)));

        // A participatory budget's feasibility reason, published with the decision.
        var (voteId, _) = await BudgetTests.VotesAsync(app);
        var (_, _, authorId) = await app.NewResidentAsync("Petro");
        var projectId = await app.WithDbAsync(async db =>
        {
            var project = new Partnera.Features.Planning.Budgeting.BudgetProject
            {
                VoteId = voteId,
                AuthorId = authorId,
                AuthorName = "Petro",
                Title = "Bench",
                Description = "A bench",
                Cost = 1000,
                CostBreakdown = "Wood",
                SubmittedAt = DateTime.UtcNow,
            };
            db.BudgetProjects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        var review = $"/Planning/Budgeting/Review/{voteId}";
        var tooLong = await specialist.SubmitAsync(review, new Dictionary<string, string[]> { ["decision"] = ["Feasible"], ["reason"] = [Huge] }, $"#project-{projectId} .check-form");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("The reason is longer than 2,000 characters", Pages.Parse(await tooLong.TextAsync()).QuerySelector("#review-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.BudgetProjects.Where(p => p.Id == projectId).Select(p => p.FeasibilityReason).SingleAsync()));

        // In Ukrainian the message is Ukrainian.
        var uk = app.Browser("uk");
        await uk.SignInAsync((await app.NewResidentAsync("Олена")).Email);
        var ukForm = Pages.Parse(await (await uk.SubmitAsync(page, new Dictionary<string, string[]> { ["Comment.Text"] = [Huge] }, "#comment-form")).TextAsync());
        Assert.Matches("[А-Яа-яІіЇїЄє]", ukForm.QuerySelector("[data-valmsg-for='Comment.Text']")!.TextContent);
    }
}
