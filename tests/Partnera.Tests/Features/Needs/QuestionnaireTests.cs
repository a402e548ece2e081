using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class QuestionnaireTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Published_versions_stay_as_they_were_when_the_next_version_changes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var campaignId = await NewCahulCampaignAsync(app);
        var specialist = app.Browser("ro");
        await specialist.SignInAsync("specialist@partnera.demo");
        var url = $"/Needs/Questionnaire/{campaignId}";
        Assert.NotNull((await specialist.GetPageAsync(url)).QuerySelector("form[action*='handler=Start']"));

        // A Moldovan community starts from the Moldovan template: the wanted services are those of the national nomenclature.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Start']")).StatusCode);
        var draft = await specialist.GetPageAsync(url);
        Assert.Contains("Locuința protejată", draft.QuerySelector("#q-D3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("D1", draft.QuerySelector("#q-D2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Publish']")).StatusCode);

        // Version 2 rewords D4 (as the question editor will; here through the same service it will use).
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Start']")).StatusCode);
        await WithBookAsync(app, async book =>
        {
            var v2 = QuestionnaireDefinition.FromJson((await book.DraftAsync(campaignId, default)).Definition);
            v2.Questions.Single(q => q.Code == "D4").Text["ro"] = "Ce sprijin lipsește cel mai mult?";
            Assert.Empty(await book.SaveDraftAsync(campaignId, v2, default));
        });
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Publish']")).StatusCode);

        var first = await specialist.GetPageAsync(url + "?version=1");
        Assert.Contains("Ce altceva ar ajuta gospodăria dvs.?", first.QuerySelector("#q-D4")!.TextContent, StringComparison.Ordinal);
        var second = await specialist.GetPageAsync(url);
        Assert.Contains("Ce sprijin lipsește cel mai mult?", second.QuerySelector("#q-D4")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Questionnaires.CountAsync(q => q.CampaignId == campaignId && q.PublishedAt != null)));

        // Only looking at a question's form starts no new version; the first saved change does.
        Assert.NotNull((await specialist.GetPageAsync($"/Needs/Question/{campaignId}?code=D4")).QuerySelector("main form"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Questionnaires.CountAsync(q => q.CampaignId == campaignId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_specialist_changes_adds_and_removes_questions_of_the_draft(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var campaignId = await NewCahulCampaignAsync(app);
        var specialist = app.Browser("ro");
        await specialist.SignInAsync("specialist@partnera.demo");
        var url = $"/Needs/Questionnaire/{campaignId}";
        await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Start']");

        var changed = await specialist.SubmitAsync($"/Needs/Question/{campaignId}?code=D4",
            new Dictionary<string, string[]> { ["Input.Text[ro]"] = ["Ce sprijin lipsește?"] }, "#question-form");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Ce sprijin lipsește?", (await specialist.GetPageAsync(url)).QuerySelector("#q-D4")!.TextContent, StringComparison.Ordinal);

        var added = await specialist.SubmitAsync($"/Needs/Question/{campaignId}?section=E", new Dictionary<string, string[]>
        {
            ["Input.Code"] = ["E4"],
            ["Input.Kind"] = ["YesNo"],
            ["Input.Text[ro]"] = ["Aveți nevoie de transport până la serviciu?"],
            ["Input.ShowWhenQuestion"] = ["E2"],
            ["Input.ShowWhenAnswer"] = ["yes"],
        }, "#question-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var withE4 = (await specialist.GetPageAsync(url)).QuerySelector("#q-E4")!.TextContent;
        Assert.Contains("Aveți nevoie de transport", withE4, StringComparison.Ordinal);
        Assert.Contains("Se pune doar dacă la E2 s-a răspuns „da”", withE4, StringComparison.Ordinal);

        var refused = await specialist.SubmitAsync($"/Needs/Question/{campaignId}?section=E", new Dictionary<string, string[]>
        {
            ["Input.Code"] = ["E5"],
            ["Input.Kind"] = ["Text"],
            ["Input.Text[ro]"] = ["Altceva?"],
            ["Input.ShowWhenQuestion"] = ["A1"],
            ["Input.ShowWhenAnswer"] = ["yes"],
        }, "#question-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Întrebarea E5: poate depinde doar", Pages.Parse(await refused.TextAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        var removed = await specialist.SubmitAsync($"/Needs/Question/{campaignId}?code=E4", new Dictionary<string, string[]>(), "#delete-question");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await specialist.GetPageAsync(url);
        Assert.Null(after.QuerySelector("#q-E4"));
        Assert.Null(after.QuerySelector("#q-E5"));
    }

    [Fact]
    public async Task A_draft_with_a_broken_condition_is_not_published_and_the_page_says_why()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var campaignId = await NewCahulCampaignAsync(app);
        await WithBookAsync(app, async book =>
        {
            var draft = QuestionnaireDefinition.FromJson((await book.DraftAsync(campaignId, default)).Definition);
            draft.Questions.Single(q => q.Code == "D2").ShowWhen = new Condition("E2", "yes");
            Assert.Equal([new QuestionnaireRules.Problem("D2", "Questionnaire_BadCondition")], await book.SaveDraftAsync(campaignId, draft, default));
        });
        var specialist = app.Browser("uk");
        await specialist.SignInAsync("specialist@partnera.demo");
        var url = $"/Needs/Questionnaire/{campaignId}";
        var refused = Pages.Parse(await (await specialist.SubmitAsync(url, new Dictionary<string, string[]>(), "form[action*='handler=Publish']")).TextAsync());
        Assert.Contains("Питання D2: воно може залежати лише від попереднього питання", refused.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Questionnaires.AnyAsync(q => q.CampaignId == campaignId && q.PublishedAt != null)));
    }

    [Fact]
    public async Task The_working_group_reads_the_questionnaire_and_nobody_else_does()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var campaignId = await NewCahulCampaignAsync(app);
        await WithBookAsync(app, book => book.DraftAsync(campaignId, default));
        // Keystone is in this campaign's working group; the Bakhmut centre is not.
        var cso = app.Browser("en");
        await cso.SignInAsync("cso@partnera.demo");
        var page = await cso.GetPageAsync($"/Needs/Questionnaire/{campaignId}");
        Assert.Contains("How many people live in your household", page.QuerySelector("#q-A1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Publish']"));
        var provider = app.Browser("en");
        await provider.SignInAsync("provider@partnera.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/Needs/Questionnaire/{campaignId}")).StatusCode);
    }

    [Theory]
    [InlineData("UA", "015.1")]
    [InlineData("MD", "MD-2.07")]
    [InlineData("BY", "BY-07")]
    public void Every_shipped_template_is_publishable_and_offers_its_countrys_services(string country, string term)
    {
        var template = QuestionnaireTemplates.For(country);
        Assert.Empty(QuestionnaireRules.Check(template));
        Assert.Equal(country, template.Country);
        Assert.Contains(template.Questions.Single(q => q.Code == "D3").Options!, o => o.Term == term);
        Assert.All(template.Questions, q => Assert.Equal(["en", "ro", "ru", "uk"], q.Text.Keys.Order()));
    }

    [Fact]
    public void Conditions_look_back_at_an_answer_the_earlier_question_offers()
    {
        var template = QuestionnaireTemplates.For("UA");
        var d2 = template.Questions.Single(q => q.Code == "D2");
        d2.ShowWhen = new Condition("B1", "veteran");
        Assert.Empty(QuestionnaireRules.Check(template));
        d2.ShowWhen = new Condition("B1", "astronaut");
        Assert.Equal([new QuestionnaireRules.Problem("D2", "Questionnaire_BadCondition")], QuestionnaireRules.Check(template));
        d2.ShowWhen = new Condition("A1", "yes");
        Assert.Equal([new QuestionnaireRules.Problem("D2", "Questionnaire_BadCondition")], QuestionnaireRules.Check(template));
        d2.ShowWhen = null;
        template.Questions.Single(q => q.Code == "E1").Options!.RemoveRange(1, 4);
        template.Questions.Single(q => q.Code == "E2").Code = "E3";
        Assert.Equal([new QuestionnaireRules.Problem("E1", "Questionnaire_OptionsRequired"), new QuestionnaireRules.Problem("E3", "Questionnaire_DuplicateCode")],
            QuestionnaireRules.Check(template));
    }

    private static async Task<Guid> NewCahulCampaignAsync(PartneraApp app) => await app.WithDbAsync(async db =>
    {
        var campaign = new AssessmentCampaign
        {
            Title = new MultilingualText("Evaluarea nevoilor Cahul " + Guid.NewGuid().ToString("N")[..6]),
            PeriodStarts = new DateOnly(2026, 1, 1),
            PeriodEnds = new DateOnly(2028, 12, 31),
            CollectionStarts = new DateOnly(2026, 1, 1),
            CollectionEnds = new DateOnly(2026, 6, 15),
        };
        campaign.Communities.Add(new CampaignCommunity
        {
            CampaignId = campaign.Id,
            TerritoryId = await db.Territories.Where(t => t.Code == "1701000").Select(t => t.Id).SingleAsync(),
        });
        campaign.WorkingGroup.Add(new WorkingGroupMember
        {
            CampaignId = campaign.Id,
            OrganisationId = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync(),
        });
        db.AssessmentCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    });

    private static Task WithBookAsync(PartneraApp app, Func<QuestionnaireBook, Task> use) =>
        app.WithScopeAsync(async s =>
        {
            await use(s.GetRequiredService<QuestionnaireBook>());
            return true;
        });
}
