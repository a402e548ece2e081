using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class EntryTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Working_group_staff_enter_a_household_after_fixing_what_the_form_points_out(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, cahul) = await PublishedCahulCampaignAsync(app);
        var staff = app.Browser("ro");
        await staff.SignInAsync("cso@partnera.demo");
        var url = $"/Needs/Entry/{campaignId}";
        var name = "Familia Popescu " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string[]>
        {
            ["Household.CommunityId"] = [cahul.ToString()],
            ["Household.ContactName"] = [name],
            ["A[A2]"] = ["doi"],
            ["A[A3]"] = ["0"],
            ["A[B1]"] = ["disability", "low-income"],
            ["A[C2]"] = ["4"],
            ["A[D1]"] = ["no"],
            ["A[D2]"] = ["MD-2.01"],
            ["A[D3]"] = ["MD-2.06", "MD-2.09"],
        };
        var refused = Pages.Parse(await (await staff.SubmitAsync(url, fields, "#entry-form")).TextAsync());
        Assert.Equal("Această întrebare necesită un răspuns.", refused.QuerySelector("#e-A1")!.TextContent.Trim());
        Assert.StartsWith("Răspunsul nu se potrivește întrebării", refused.QuerySelector("#e-A2")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Înregistrați acordul gospodăriei", string.Join(" ", refused.FieldErrors()), StringComparison.Ordinal);

        fields["A[A1]"] = ["4"];
        fields["A[A2]"] = ["2"];
        fields["Household.ConsentGiven"] = ["true"];
        var saved = await staff.SubmitAsync(url, fields, "#entry-form");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Pages.Parse(await saved.TextAsync()).FieldErrors()));
        Assert.Equal($"/Needs/Entry/{campaignId}?community={cahul}", saved.Headers.Location!.OriginalString);

        var response = await app.WithDbAsync(db => db.HouseholdResponses.SingleAsync(r => r.ContactName == name));
        Assert.True(response.ConsentGiven);
        Assert.Equal("cso@partnera.demo", response.ConsentRecordedBy);
        Assert.Equal(["disability", "low-income"], response.Answers.Where(a => a.QuestionCode == "B1").Select(a => a.OptionCode).Order());
        Assert.Equal(4m, response.Answers.Single(a => a.QuestionCode == "A1").Number);
        // D2 is asked only when D1 = yes: the stray answer is not kept.
        Assert.DoesNotContain(response.Answers, a => a.QuestionCode == "D2");
        // The audit log records the entry without copying the household's details into it.
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Subject == $"HouseholdResponse:{response.Id}").Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, changes => Assert.DoesNotContain("Popescu", changes ?? "", StringComparison.Ordinal));
        Assert.Contains(audit, changes => changes!.Contains("(personal data)", StringComparison.Ordinal));

        // The list names no one; opening the household shows its answers and is recorded, with the reader.
        var list = await staff.GetPageAsync($"/Needs/Households/{campaignId}");
        Assert.DoesNotContain(name, list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var household = await staff.GetPageAsync(list.QuerySelector($"#households a[href='/Needs/Household/{response.Id}']")!.GetAttribute("href")!);
        Assert.Contains(name, household.QuerySelector("#household")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("o persoană cu dizabilități", household.QuerySelector("#answers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vizualizat", household.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"HouseholdResponse:{response.Id}"
            && a.Action == Partnera.Infrastructure.Auditing.AuditAction.Viewed && a.UserName == "cso@partnera.demo")));
        var outsider = app.Browser("ro");
        await outsider.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Needs/Household/{response.Id}")).StatusCode);
        // The campaign is in the specialist's list: its households' page is refused as a matter of rights.
        Assert.Equal("/Account/AccessDenied?reason=working-group", (await outsider.GetAsync($"/Needs/Households/{campaignId}")).Headers.Location?.OriginalString);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_resident_answers_online_once_without_an_account(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (campaignId, cahul) = await PublishedCahulCampaignAsync(app, today.AddDays(-30), today.AddDays(30));
        var resident = app.Browser("ro");
        var url = $"/Needs/Answer/{campaignId}";
        var fields = new Dictionary<string, string[]>
        {
            ["Household.ContactName"] = ["Ion"],
            ["A[A1]"] = ["3"],
            ["A[A2]"] = ["1"],
            ["A[A3]"] = ["1"],
            ["A[B1]"] = ["older-alone"],
            ["A[C2]"] = ["5"],
            ["A[D1]"] = ["no"],
            ["A[D3]"] = ["MD-2.09"],
        };
        var refused = Pages.Parse(await (await resident.SubmitAsync(url, fields, "#answer-form")).TextAsync());
        Assert.Contains("Înregistrați acordul gospodăriei", string.Join(" ", refused.FieldErrors()), StringComparison.Ordinal);

        fields["Household.ContactName"] = [""];
        fields["Household.Anonymous"] = ["true"];
        var sent = await resident.SubmitAsync(url, fields, "#answer-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var saved = await app.WithDbAsync(db => db.HouseholdResponses.SingleAsync(r => r.CampaignId == campaignId));
        Assert.Equal((ResponseSource.Online, true, cahul), (saved.Source, saved.Anonymous, saved.CommunityId));
        Assert.Equal("MD-2.09", saved.Answers.Single(a => a.QuestionCode == "D3").OptionCode);

        // The same browser is thanked instead of being offered the form again.
        var again = await resident.GetPageAsync(url);
        Assert.NotNull(again.QuerySelector("#answered"));
        Assert.Null(again.QuerySelector("#answer-form"));

        // A robot that fills in every field, the hidden one too, is thanked and nothing is kept.
        var robot = app.Browser("ro");
        fields["Website"] = ["http://spam.example"];
        Assert.Equal(HttpStatusCode.Redirect, (await robot.SubmitAsync(url, fields, "#answer-form")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));
    }

    [Fact]
    public async Task The_online_form_is_closed_outside_the_collection_dates()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (campaignId, _) = await PublishedCahulCampaignAsync(app, new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 15));
        var page = await app.Browser("en").GetPageAsync($"/Needs/Answer/{campaignId}");
        Assert.Contains("not open for answers now", page.QuerySelector("#closed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#answer-form"));
    }

    [Fact]
    public async Task Nobody_outside_the_working_group_reaches_the_entry_form()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (campaignId, _) = await PublishedCahulCampaignAsync(app);
        foreach (var outsider in new[] { "specialist@partnera.demo", "provider@partnera.demo" })
        {
            var client = app.Browser();
            await client.SignInAsync(outsider);
            var response = await client.GetAsync($"/Needs/Entry/{campaignId}");
            // The specialist sees the campaign in their list and is told it is about rights; to the provider it does not exist.
            if (outsider.StartsWith("specialist", StringComparison.Ordinal)) Assert.Equal("/Account/AccessDenied?reason=working-group", response.Headers.Location?.OriginalString);
            else Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public void Answers_must_fit_their_question()
    {
        var template = QuestionnaireTemplates.For("UA");
        Dictionary<string, string[]> typed = new()
        {
            ["A1"] = ["3"],
            ["A2"] = ["1,5"],
            ["A3"] = ["31"],
            ["B1"] = ["veteran"],
            ["C2"] = ["2.5"],
            ["D1"] = ["yes"],
            ["E1"] = ["1-5km", "5-20km"],
            ["E3"] = ["23.11.2026"],
        };
        var (answers, problems) = AnswerRules.Read(template, code => typed.GetValueOrDefault(code) ?? []);
        Assert.Equal(["A3", "C2", "E1", "E3"], problems.Select(p => p.Question));
        Assert.All(problems, p => Assert.Equal("Answer_Invalid", p.Key));
        Assert.Equal(1.5m, answers.Single(a => a.QuestionCode == "A2").Number);
    }

    private static async Task<(Guid Campaign, Guid Community)> PublishedCahulCampaignAsync(PartneraApp app, DateOnly? collectionStarts = null, DateOnly? collectionEnds = null)
    {
        var (campaign, communities) = await NeedsCampaigns.PublishedMoldovanAsync(app, collectionStarts, collectionEnds, "1701000");
        return (campaign, communities[0]);
    }
}
