using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Auditing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class PriorityTests(TestApps apps)
{
    private static readonly QuestionnaireDefinition Template = QuestionnaireTemplates.For("MD")!;

    private static Answer Option(string question, string option) => new() { QuestionCode = question, OptionCode = option };
    private static Answer Number(string question, decimal n) => new() { QuestionCode = question, Number = n };

    [Fact]
    public void A_score_adds_the_points_of_each_line_its_answers_meet()
    {
        var scheme = new PriorityScheme
        {
            Weights =
            [
                new() { Group = TargetGroup.PeopleWithDisabilities, Points = 3 },
                new() { Group = TargetGroup.Veterans, Points = 2 },
                new() { Group = TargetGroup.OlderPeople, Points = 4 },
                new() { Question = "C1", Answer = "care", Points = 1 },
                new() { Question = "C2", Points = 0.5m },
                new() { Question = "D1", Answer = "yes", Points = -1 },
            ],
        };
        Answer[] answers = [Option("B1", "disability"), Option("B1", "veteran"), Option("B1", "child-disability"), Option("C1", "care"), Option("C1", "money"),
            Number("C2", 4), Option("D1", "yes"), Number("A1", 5)];
        var lines = PriorityScore.Explain(scheme, Template, answers);
        // 3 (disability) + 2 (veteran) + 1 (care) + 0.5 × 4 (C2) − 1 (used services) = 7; no older person, so no 4.
        Assert.Equal(7m, PriorityScore.Total(lines));
        Assert.Equal([3m, 2m, 1m, 2m, -1m], lines.Select(l => l.Points));
        Assert.Equal(4m, lines.Single(l => l.Weight.Question == "C2").Value);
    }

    [Fact]
    public void A_group_counts_once_however_many_answers_name_it()
    {
        var definition = QuestionnaireTemplates.For("MD")!;
        definition.Questions.Single(q => q.Code == "B1").Options!.Single(o => o.Code == "child-disability").Group = TargetGroup.PeopleWithDisabilities;
        var scheme = new PriorityScheme { Weights = [new() { Group = TargetGroup.PeopleWithDisabilities, Points = 3 }] };
        Assert.Equal(3m, PriorityScore.Total(PriorityScore.Explain(scheme, definition, [Option("B1", "disability"), Option("B1", "child-disability")])));
    }

    [Fact]
    public void The_usual_formula_weighs_groups_difficulties_and_scales()
    {
        var scheme = PriorityScheme.Default(Template);
        Assert.Equal(6, scheme.Weights.Count(w => w.Group is not null && w.Points == 3));
        Assert.Equal(8, scheme.Weights.Count(w => w.Question == "C1" && w.Points == 1));
        Assert.Equal(1, scheme.Weights.Single(w => w.Question == "C2").Points);
        Assert.DoesNotContain(scheme.Weights, w => w.Question is "D2" or "D3" or "B1");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_working_group_sets_the_formula_and_reaches_the_households_most_in_need_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, communities) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000", "8601000");
        var staff = app.Browser("en");
        await staff.SignInAsync("cso@partnera.demo");
        var formula = $"/Needs/Priority/{campaignId}";
        Assert.NotNull((await staff.GetPageAsync(formula)).QuerySelector("#priority-default"));

        var refused = Pages.Parse(await (await staff.SubmitAsync(formula, new Dictionary<string, string[]> { ["Points[number:C2]"] = ["lots"] }, "#priority-form")).TextAsync());
        Assert.Equal("Points must be a number between −100 and 100.", refused.QuerySelector("#e-p-number-C2")!.TextContent.Trim());

        var fields = new Dictionary<string, string[]>();
        foreach (var input in (await staff.GetPageAsync(formula)).QuerySelectorAll("#priority-form input[name^='Points[']")) fields[input.GetAttribute("name")!] = [""];
        fields["Points[group:PeopleWithDisabilities]"] = ["5"];
        fields["Points[group:OlderPeople]"] = ["3"];
        fields["Points[answer:E2:yes]"] = ["2"];
        fields["Points[number:A2]"] = ["0,5"];
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(formula, fields, "#priority-form")).StatusCode);
        var shown = (await staff.GetPageAsync(formula)).QuerySelector("#priority-formula")!.TextContent;
        Assert.Contains("+5 the household includes: People with disabilities", shown, StringComparison.Ordinal);
        Assert.Contains("+0.5 × each unit of the answer to A2.", shown, StringComparison.Ordinal);

        // Three households: 5 + 0.5 × 2 = 6; 3 + 2 = 5; 0.
        var name = "Rusu " + Guid.NewGuid().ToString("N")[..6];
        var (first, second, _) = await app.WithDbAsync(async db =>
        {
            var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId && q.PublishedAt != null);
            HouseholdResponse Add(Guid community, string? contact, params Answer[] answers)
            {
                var household = new HouseholdInput { CommunityId = community, Anonymous = contact is null, ContactName = contact, ConsentGiven = contact is not null };
                var response = AnswerForm.Record(campaignId, version, household, [.. answers], ResponseSource.Staff, DateTime.UtcNow, "cso@partnera.demo");
                db.HouseholdResponses.Add(response);
                return response;
            }
            var low = Add(communities[0], null, Option("B1", "none"), Number("A2", 0));
            var high = Add(communities[1], name, Option("B1", "disability"), Number("A2", 2));
            var middle = Add(communities[0], null, Option("B1", "older-alone"), Option("E2", "yes"));
            await db.SaveChangesAsync();
            return (high.Id, middle.Id, low.Id);
        });
        var ranking = await staff.GetPageAsync($"/Needs/Ranking/{campaignId}");
        var rows = ranking.QuerySelectorAll("#ranking tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["6", "5", "0"], rows.Select(r => r[1]));
        Assert.Equal(name, rows[0][3]);
        Assert.Equal("Anonymous answer", rows[1][3]);
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
        // Reading the list is a read of the named household's details; anonymous households name no one.
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"HouseholdResponse:{first}" && a.Action == AuditAction.Viewed
            && a.Reason == "needs assessment: priority list")));
        Assert.False(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"HouseholdResponse:{second}" && a.Reason == "needs assessment: priority list")));

        var oneCommunity = await staff.GetPageAsync($"/Needs/Ranking/{campaignId}?community={communities[0]}");
        Assert.Equal(2, oneCommunity.QuerySelectorAll("#ranking tbody tr").Length);

        // The household's own page explains its score line by line.
        var household = await staff.GetPageAsync($"/Needs/Household/{first}");
        var score = household.QuerySelector("#score")!;
        Assert.Equal(["+5", "+1"], score.QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent.Trim()));
        Assert.Equal("6", score.QuerySelector("tfoot td")!.TextContent.Trim());

        // Outside the working group there is no list, though the formula itself may be read.
        var outsider = app.Browser("en");
        await outsider.SignInAsync("specialist@partnera.demo");
        Assert.Equal("/Account/AccessDenied?reason=working-group", (await outsider.GetAsync($"/Needs/Ranking/{campaignId}")).Headers.Location?.OriginalString);
        var readOnly = await outsider.GetPageAsync(formula);
        Assert.NotNull(readOnly.QuerySelector("#priority-formula"));
    }
}
