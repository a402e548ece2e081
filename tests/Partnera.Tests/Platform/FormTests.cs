using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class FormTests(TestApps apps)
{
    [Fact]
    public async Task Every_form_that_changes_something_carries_an_anti_forgery_token()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var ids = await app.WithDbAsync(async db => new
        {
            Organisation = await db.Organisations.Select(o => o.Id).FirstAsync(),
            Memorandum = await db.Memoranda.Select(m => m.Id).FirstAsync(),
            Territory = await db.Territories.Select(t => t.Id).FirstAsync(),
            User = await db.Users.Select(u => u.Id).FirstAsync(),
            Campaign = await db.AssessmentCampaigns.Select(c => c.Id).FirstAsync(),
        });
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        string[] pages =
        [
            "/", "/Organisations", "/Account/Manage", "/Account/Manage/TwoFactor", "/Account/Users", $"/Account/Users/Edit/{ids.User}",
            "/Account/Users/Invite", "/Organisations/Edit", $"/Organisations/Edit/{ids.Organisation}", "/Memoranda/Edit",
            $"/Memoranda/Edit/{ids.Memorandum}", $"/Memoranda/Initiative/{ids.Memorandum}", "/Territories/Manage/Edit",
            $"/Territories/Manage/Edit/{ids.Territory}", "/Territories/Manage/Import", "/Audit",
            "/Directory/Manage", "/Directory/Manage/Corrections", "/Directory/Manage/Import", $"/Directory/Manage/Service?organisationId={ids.Organisation}", $"/Directory/Manage/Location?organisationId={ids.Organisation}",
            "/Needs", "/Needs/Campaign", $"/Needs/Campaign/{ids.Campaign}", $"/Needs/Questionnaire/{ids.Campaign}", $"/Needs/Question/{ids.Campaign}?code=A1",
        ];
        var checkedForms = 0;
        foreach (var url in pages)
        {
            var page = await admin.GetPageAsync(url);
            foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{url}: form {form.GetAttribute("action")} has no token");
                checkedForms++;
            }
        }
        var visitor = app.Browser();
        foreach (var url in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword?email=a@b.c&code=x" })
        {
            var page = await visitor.GetPageAsync(url);
            Assert.All(page.QuerySelectorAll("form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
            checkedForms += page.QuerySelectorAll("form[method=post]").Length;
        }
        Assert.True(checkedForms > 25, $"only {checkedForms} forms checked");
    }
}
