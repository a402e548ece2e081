using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Features.Planning;
using Partnera.Features.Planning.Consultation;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

public sealed class ConsultationTests(TestApps apps)
{
    private static async Task<(HttpClient Client, string Email)> ResidentWithAddressAsync(PartneraApp app, string name)
    {
        var (client, email, _) = await app.NewResidentAsync(name);
        return (client, email);
    }

    private static async Task<HttpClient> ResidentAsync(PartneraApp app, string name) => (await app.NewResidentAsync(name)).Client;

    /// <summary>A draft plan of the specialist's organisation for a new community, with one goal and one measure (a day centre for 20).</summary>
    internal static Task<Guid> PlanWithADayCentreAsync(PartneraApp app, string place, string title) => app.WithDbAsync(async db =>
    {
        var community = new Territory { Level = TerritoryLevel.Community, Name = new MultilingualText(place), TimeZone = "Europe/Chisinau" };
        var owner = await db.Memberships.Where(m => m.User!.Email == "specialist@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var plan = new CommunityPlan { TerritoryId = community.Id, OwnerId = owner, Title = new MultilingualText(title), FirstYear = 2027, LastYear = 2029 };
        var goal = new PlanGoal { PlanId = plan.Id, Number = 1, Title = new MultilingualText("Goal") };
        goal.Measures.Add(new PlanMeasure { PlanId = plan.Id, GoalId = goal.Id, Title = new MultilingualText("Day centre"), ExpectedUsers = 20 });
        plan.Goals.Add(goal);
        db.Territories.Add(community);
        db.CommunityPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_comment_and_proposal_is_answered_before_approval_and_supports_count_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var planId = await ConsultationTests.PlanWithADayCentreAsync(app, "Consultville", "Consulted plan");
        var visitor = app.Browser("en");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Planning/Public/{planId}")).StatusCode);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Status/{planId}", new Dictionary<string, string[]>
        { ["To"] = ["Consultation"], ["Transition.ConsultationStarts"] = ["2026-01-01"], ["Transition.ConsultationEnds"] = ["2099-12-31"] }, "#to-Consultation")).StatusCode);

        var page = $"/Planning/Public/{planId}";
        Assert.NotNull((await visitor.GetPageAsync(page)).QuerySelector("#sign-in-to-comment"));
        var (author, authorEmail) = await ResidentWithAddressAsync(app, "Ana Rusu");
        var noReason = await author.SubmitAsync(page, new Dictionary<string, string[]> { ["Comment.Kind"] = ["NewMeasure"], ["Comment.Text"] = ["A youth club"] }, "#comment-form");
        Assert.Contains("Give the reason for your proposal.", Pages.Parse(await noReason.TextAsync()).FieldErrors());
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(page, new Dictionary<string, string[]>
        { ["Comment.Kind"] = ["NewMeasure"], ["Comment.Text"] = ["A youth club"], ["Comment.Reason"] = ["Nothing for teenagers"], ["Comment.EstimatedCost"] = ["1 200 000"] }, "#comment-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(page, new Dictionary<string, string[]> { ["Comment.Text"] = ["You are all idiots"] }, "#comment-form")).StatusCode);
        var proposal = await app.WithDbAsync(db => db.PlanComments.SingleAsync(c => c.PlanId == planId && c.Kind == CommentKind.NewMeasure));
        Assert.Equal((1_200_000m, "Ana Rusu", 1), (proposal.EstimatedCost!.Value, proposal.AuthorName, proposal.Version));

        // Support: once per person however many requests arrive together; never one's own proposal.
        var supporter = await ResidentAsync(app, "Ion Ceban");
        var support = $"{page}?handler=Support&comment={proposal.Id}";
        var form = Pages.Parse(await supporter.GetStringAsync(page)).QuerySelector($"#comment-{proposal.Id} .support-form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => supporter.PostAsync(support, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]))));
        Assert.Equal(1, await app.WithDbAsync(db => db.PlanComments.Where(c => c.Id == proposal.Id).Select(c => c.Supporters).SingleAsync()));
        var own = await author.SubmitAsync(page, new Dictionary<string, string[]>(), $"#comment-{proposal.Id} .support-form");
        Assert.Contains("You cannot support your own proposal.", Pages.Parse(await own.TextAsync()).FieldErrors());

        // A public hearing, and a proposal raised there recorded by the authority.
        var held = await specialist.SubmitAsync($"/Planning/Hearing/{planId}", new Dictionary<string, string[]>
        { ["Input.HeldAt"] = ["2026-11-20T17:30"], ["Input.Place"] = ["Town hall"], ["Input.Agenda"] = ["The draft plan"], ["Input.Participants"] = ["45"], ["Input.Minutes"] = ["The mayor opened the hearing."] }, "#hearing-form");
        Assert.True(held.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Pages.Parse(await held.TextAsync()).FieldErrors()));
        var hearing = held.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(hearing, new Dictionary<string, string[]>
        { ["Speaker"] = ["Vasile Lungu"], ["Raised.Kind"] = ["Change"], ["Raised.Text"] = ["Longer opening hours"], ["Raised.Reason"] = ["Working parents"] }, "#raised-form")).StatusCode);
        var withHearing = await visitor.GetPageAsync(page);
        // Held at 17:30 where the community is, shown so (times are compared without spaces: ICU puts a narrow one before "PM").
        Assert.Contains("11/20/20265:30PM,Townhall·participants:45", Pages.Squeezed(withHearing.QuerySelector("#hearings")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Vasile Lungu", withHearing.QuerySelector("#comment-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("raised at the hearing of 11/20/2026", withHearing.QuerySelector("#comment-list")!.TextContent, StringComparison.Ordinal);
        var raised = await app.WithDbAsync(db => db.PlanComments.SingleAsync(c => c.PlanId == planId && c.HearingId != null));

        var authorToken = Pages.Parse(await author.GetStringAsync(page)).QuerySelector("#comment-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Closed: no more comments; approval waits for every answer; the abusive one is removed with a public reason.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Status/{planId}", new Dictionary<string, string[]> { ["To"] = ["Revision"] }, "#to-Revision")).StatusCode);
        var late = await author.PostAsync($"{page}?handler=Comment", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", authorToken), KeyValuePair.Create("Comment.Text", "Late")]));
        Assert.Contains("Consultation is closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        byte[] signed = [.. "%PDF-1.4 decision"u8];
        var approve = new Dictionary<string, string[]> { ["To"] = ["Approved"], ["Transition.DecisionNumber"] = ["7"], ["Transition.DecisionDate"] = ["2026-12-01"], ["Transition.DecisionBody"] = ["Council"] };
        var blocked = await specialist.SubmitAsync($"/Planning/Status/{planId}", approve, "#to-Approved", files: new Dictionary<string, (string, byte[])> { ["Document"] = ("d.pdf", signed) });
        Assert.Contains("Answer every comment and proposal of the consultation before approving the plan.", Pages.Parse(await blocked.TextAsync()).FieldErrors());

        var answers = $"/Planning/Answers/{planId}";
        var abusive = await app.WithDbAsync(db => db.PlanComments.SingleAsync(c => c.PlanId == planId && c.Kind == CommentKind.Comment));
        var noReasonGiven = await specialist.SubmitAsync(answers, new Dictionary<string, string[]> { ["CommentId"] = [proposal.Id.ToString()], ["Answer"] = [""] }, $"#comment-{proposal.Id} .answer-form");
        Assert.Contains("Give the reasons for the answer.", Pages.Parse(await noReasonGiven.TextAsync()).FieldErrors());
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(answers, new Dictionary<string, string[]>
        { ["Decision"] = ["Accepted"], ["Answer"] = ["Added as measure 1.2"] }, $"#comment-{proposal.Id} .answer-form")).StatusCode);
        // Answered (without a message to its author here), then removed by the moderator: it counts once, as removed.
        await app.WithDbAsync(db => db.PlanComments.Where(c => c.Id == abusive.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Decision, CommentDecision.Rejected).SetProperty(c => c.Answer, "Not about the plan")));
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(answers, new Dictionary<string, string[]>
        { ["HiddenReason"] = ["Insults"] }, $"#comment-{abusive.Id} .hide-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(answers, new Dictionary<string, string[]>
        { ["Decision"] = ["Rejected"], ["Answer"] = ["The budget does not allow it in 2027"] }, $"#comment-{raised.Id} .answer-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Planning/Status/{planId}", approve, "#to-Approved",
            files: new Dictionary<string, (string, byte[])> { ["Document"] = ("d.pdf", signed) })).StatusCode);

        // The author was told of each stage and of the answer, with a link to the plan.
        var mail = app.Emails.Sent.Where(m => m.To == authorEmail).ToList();
        Assert.Equal(["“Consulted plan” has moved on", "Your comment on “Consulted plan” has an answer", "“Consulted plan” has moved on"], mail.Select(m => m.Subject));
        Assert.Contains("Accepted", mail[1].Body, StringComparison.Ordinal);
        Assert.Contains($"/Planning/Public/{planId}", mail[1].Body, StringComparison.Ordinal);

        var report = await visitor.GetPageAsync(page);
        Assert.Contains("Accepted: Added as measure 1.2", report.QuerySelector($"#comment-{proposal.Id} .answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Removed by the moderator: Insults", report.QuerySelector($"#comment-{abusive.Id} .hidden-comment")!.TextContent.Trim());
        Assert.DoesNotContain("idiots", report.QuerySelector("#comment-list")!.TextContent, StringComparison.Ordinal);

        // The published consultation report lists every comment and proposal with its answer, and the figures.
        var planPage = await specialist.GetPageAsync(page);
        var summary = planPage.QuerySelector("#consultation-summary")!.TextContent;
        Assert.Contains("1 comments and 2 proposals", summary, StringComparison.Ordinal);
        Assert.Contains("Accepted: 1, Partly accepted: 0, Rejected: 1", summary, StringComparison.Ordinal);
        // The same tally drawn as bars: each answer, then what waits and what was removed.
        Assert.NotNull(planPage.QuerySelector("canvas#consultation-chart[role=img][aria-label]"));
        using (var chart = System.Text.Json.JsonDocument.Parse(planPage.QuerySelector("#consultation-chart-data")!.TextContent))
        {
            Assert.Equal(["Accepted", "Partly accepted", "Rejected", "Out of the plan's scope", "Not answered yet", "Removed by the moderator"],
                chart.RootElement.GetProperty("labels").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal([1, 0, 1, 0, 0, 1], chart.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
        }
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await visitor.GetByteArrayAsync($"{page}?handler=Report"));
        var text = Pages.Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var expected in new[] { "Consultation report: Consulted plan", "A youth club", "Estimated cost: 1,200,000 UAH", "Accepted: Added as measure 1.2", "Rejected: The budget does not allow it in 2027", "Removed by the moderator: Insults", "Town hall" })
            Assert.Contains(Pages.Squeezed(expected), text, StringComparison.Ordinal);
        Assert.DoesNotContain("idiots", text, StringComparison.Ordinal);
    }
}
