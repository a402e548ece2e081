using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Tests.Features.Needs;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

public sealed class PlanningTests(TestApps apps)
{
    private static Answer Option(string question, string option) => new() { QuestionCode = question, OptionCode = option };

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string term, string column) =>
        page.QuerySelector($"#coverage tr[data-term='{term}'] .{column}")!.TextContent.Trim();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_specialist_turns_costed_gaps_into_measures_and_sees_what_stays_unfunded(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // One household in four needs respite (021.0) and one home care (015.1), both counted in people (one per household):
        // gaps of 3,000 people each, costing 90,000,000 and 108,000,000 UAH at the Ukrainian defaults, split 70/20/10.
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("B1", "displaced"), Option("D3", "021.0")], [Option("D3", "015.1")], [], []);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Needs/Costs/{campaignId}", new Dictionary<string, string[]>(), "#hand-over-form")).StatusCode);

        var badYears = Pages.Parse(await (await specialist.SubmitAsync("/Planning/Edit", new Dictionary<string, string[]>
        { ["Input.Title"] = ["Testville plan"], ["Input.TerritoryId"] = [place.ToString()], ["Input.FirstYear"] = ["2029"], ["Input.LastYear"] = ["2027"] }, "#plan-form")).TextAsync());
        Assert.Contains("The last year cannot come before the first.", badYears.FieldErrors());
        var created = await specialist.SubmitAsync("/Planning/Edit", new Dictionary<string, string[]>
        { ["Input.Title"] = ["Testville social services 2027–2029"], ["Input.TerritoryId"] = [place.ToString()], ["Input.FirstYear"] = ["2027"], ["Input.LastYear"] = ["2029"] }, "#plan-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planUrl = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(planUrl, new Dictionary<string, string[]> { ["GoalTitle"] = ["Care close to home"] }, "#goal-form")).StatusCode);
        var plan = await specialist.GetPageAsync(planUrl);
        Assert.NotNull(plan.QuerySelector("#coverage-none"));
        var gaps = plan.QuerySelectorAll("#waiting input[name=GapIds]").Select(i => i.GetAttribute("value")!).ToArray();
        Assert.Equal(2, gaps.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(planUrl, new Dictionary<string, string[]> { ["GapIds"] = gaps }, "#from-gaps")).StatusCode);

        plan = await specialist.GetPageAsync(planUrl);
        Assert.Equal(2, plan.QuerySelectorAll("#goals tr[data-measure]").Length);
        Assert.Equal(("3,000", "0", "90,000,000", "0"), (Cell(plan, "021.0", "closed"), Cell(plan, "021.0", "remaining"), Cell(plan, "021.0", "budgeted"), Cell(plan, "021.0", "unfunded")));
        Assert.Equal("people", Cell(plan, "021.0", "unit"));
        Assert.Equal("Total, people", plan.QuerySelector("#coverage tfoot tr[data-unit='Person'] th")!.TextContent.Trim());
        Assert.Equal("0", plan.QuerySelector("#total-unfunded")!.TextContent.Trim());
        Assert.NotNull(plan.QuerySelector("#waiting-none"));

        // The respite measure gets less local money and closes only 2,000 of the gap: 13,000,000 stays unfunded, 1,000 open.
        var respite = plan.QuerySelectorAll("#goals tr[data-measure] a").Single(a => a.TextContent.Contains("respite", StringComparison.OrdinalIgnoreCase)).GetAttribute("href")!;
        var form = await specialist.GetPageAsync(respite);
        Assert.Equal("63000000", form.QuerySelector("#budget-2027-LocalBudget")!.GetAttribute("value"));
        var link = form.QuerySelector("input[id^=closes-]")!.GetAttribute("name")!;
        var refused = Pages.Parse(await (await specialist.SubmitAsync(respite, new Dictionary<string, string[]>
        {
            ["Input.Budget[2028-Donor]"] = ["a lot"],
            ["Input.Milestones[0].Title"] = ["Undated step"],
            ["Input.PartnerIds"] = [Guid.NewGuid().ToString()],
        }, "#measure-form")).TextAsync());
        Assert.Contains("Enter an amount of 0 or more.", refused.FieldErrors());
        Assert.Contains("Give the step a date.", refused.FieldErrors());
        Assert.Contains("Choose organisations from the list.", refused.FieldErrors());
        var keystone = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync());
        var changed = await specialist.SubmitAsync(respite, new Dictionary<string, string[]>
        {
            ["Input.Budget[2027-LocalBudget]"] = ["50 000 000"],
            [link] = ["2000"],
            ["Input.PartnerIds"] = [keystone.ToString()],
            ["Input.Milestones[0].Title"] = ["Respite rooms open"],
            ["Input.Milestones[0].DueOn"] = ["2027-09-01"],
        }, "#measure-form");
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Pages.Parse(await changed.TextAsync()).FieldErrors()));
        plan = await specialist.GetPageAsync(planUrl);
        Assert.Equal(("2,000", "1,000", "77,000,000", "13,000,000"), (Cell(plan, "021.0", "closed"), Cell(plan, "021.0", "remaining"), Cell(plan, "021.0", "budgeted"), Cell(plan, "021.0", "unfunded")));
        Assert.Contains("Keystone", plan.QuerySelector("#goals .partner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Respite rooms open", plan.QuerySelector("#goals .next-step")!.TextContent, StringComparison.Ordinal);

        // Handing the gaps over again keeps the ones the plan names; other staff read the plan but cannot change it.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync($"/Needs/Costs/{campaignId}", new Dictionary<string, string[]>(), "#hand-over-form")).StatusCode);
        Assert.Equal("13,000,000", Cell(await specialist.GetPageAsync(planUrl), "021.0", "unfunded"));
        var cso = app.Browser("en");
        await cso.SignInAsync("cso@partnera.demo");
        var read = await cso.GetPageAsync(planUrl);
        Assert.Null(read.QuerySelector("#goal-form"));
        Assert.Null(read.QuerySelector("#from-gaps"));
        var planId = planUrl.Split('/')[^1];
        Assert.NotEqual(HttpStatusCode.OK, (await cso.GetAsync($"/Planning/Edit/{planId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await cso.GetAsync(respite)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CommunityPlans.CountAsync(p => p.TerritoryId == place)));
    }
}
