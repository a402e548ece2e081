using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Infrastructure.Auditing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class ImportTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_every_bad_row_of_a_survey_file_and_may_save_only_the_valid_ones(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, communities) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000", "8601000");
        var staff = app.Browser("ro");
        await staff.SignInAsync("cso@partnera.demo");
        var name = "Ion Rusu " + Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            Comunitatea;Persoana de contact;Acord;A1;A2;A3;B1;C2;D1;D3;E3
            1701000;;;3;1;0;disability;4;nu;MD-2.01;14.03.2026
            Strășeni;{name};da;2;0;1;o persoană cu dizabilități; veteran;5;yes;;
            Glodeni;;;3;1;0;disability;4;no;;
            Cahul municipality;Maria;;40;1;0;disability;9;no;;
            """;
        // The second data row's B1 holds a ";" inside: quote it as a spreadsheet would.
        csv = csv.Replace("o persoană cu dizabilități; veteran", "\"o persoană cu dizabilități; veteran\"", StringComparison.Ordinal);
        var page = $"/Needs/Import/{campaignId}";
        var uploaded = await staff.SubmitAsync(page, new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("sondaj.csv", Encoding.UTF8.GetBytes(csv)) });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var withUpload = uploaded.Headers.Location!.OriginalString;

        // The headers give the first guess: community, contact, consent and the question codes.
        var mapping = await staff.GetPageAsync(withUpload);
        Assert.Equal(["community", "contact", "consent", "q:A1", "q:A2", "q:A3", "q:B1", "q:C2", "q:D1", "q:D3", "q:E3"],
            mapping.QuerySelectorAll("#mapping select").Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "").ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#mapping-form")).StatusCode);

        var check = await staff.GetPageAsync(withUpload);
        Assert.Equal("4 rânduri: 2 valide, 2 cu probleme.", check.QuerySelector("#import-counts")!.TextContent.Trim());
        var errors = check.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        // A community outside the campaign is one problem, in its own column (not also a "required" one elsewhere).
        Assert.Equal("Comunitatea", Assert.Single(errors, e => e[0] == "4")[1]);
        Assert.Contains(errors, e => e[0] == "5" && e[1] == "A1" && e[2].StartsWith("„40” nu este un răspuns acceptat", StringComparison.Ordinal));
        Assert.Contains(errors, e => e[0] == "5" && e[1] == "C2");
        Assert.Contains(errors, e => e[0] == "5" && e[1] == "Acord");
        Assert.DoesNotContain(errors, e => e[0] is "2" or "3");
        Assert.Equal(["2", "3"], check.QuerySelectorAll("#import-preview tbody tr td:first-child").Select(c => c.TextContent.Trim()));

        // The full list of problems downloads as CSV, one line per problem.
        var download = await staff.GetStringAsync(check.QuerySelector("#errors-download")!.GetAttribute("href")!);
        Assert.Contains("5,\"A1\",", download, StringComparison.Ordinal);
        Assert.Contains("4,\"Comunitatea\",", download, StringComparison.Ordinal);

        // Nothing is saved from a file with errors unless the user asks for the valid rows only.
        var refused = await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#save-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Unele rânduri au probleme", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));

        var saved = await staff.SubmitAsync(withUpload, new Dictionary<string, string[]> { ["ValidOnly"] = ["true"] }, "#save-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Gospodării salvate: 2.", (await staff.GetPageAsync(saved.Headers.Location!.OriginalString)).QuerySelector("#import-saved")!.TextContent.Trim());

        var households = await app.WithDbAsync(db => db.HouseholdResponses.Where(r => r.CampaignId == campaignId).ToListAsync());
        Assert.Equal(2, households.Count);
        Assert.All(households, h => Assert.Equal(ResponseSource.Import, h.Source));
        var anonymous = households.Single(h => h.CommunityId == communities[0]);
        Assert.True(anonymous.Anonymous);
        Assert.Equal(new DateOnly(2026, 3, 14), anonymous.Answers.Single(a => a.QuestionCode == "E3").Date);
        Assert.Equal("no", anonymous.Answers.Single(a => a.QuestionCode == "D1").OptionCode);
        var named = households.Single(h => h.CommunityId == communities[1]);
        Assert.Equal(name, named.ContactName);
        Assert.True(named.ConsentGiven);
        Assert.Equal("cso@partnera.demo", named.ConsentRecordedBy);
        Assert.Equal(["disability", "veteran"], named.Answers.Where(a => a.QuestionCode == "B1").Select(a => a.OptionCode).Order());
        Assert.Equal(2m, named.Answers.Single(a => a.QuestionCode == "A1").Number);

        // The named household's creation has its own audit entry (personal data); the anonymous one is counted in one
        // entry for the file under the campaign, and has none of its own. The file itself is gone.
        var audited = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Subject == $"HouseholdResponse:{named.Id}" && a.Action == AuditAction.Created).ToListAsync());
        Assert.Equal("Importat din sondaj.csv", Assert.Single(audited).Reason);
        Assert.False(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"HouseholdResponse:{anonymous.Id}")));
        var together = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Subject == $"AssessmentCampaign:{campaignId}" && a.EntityType == "HouseholdResponse").ToListAsync());
        Assert.Equal("Importat din sondaj.csv: 1 gospodării anonime", Assert.Single(together).Reason);
        Assert.Equal("cso@partnera.demo", together[0].UserName);
        Assert.False(await app.WithDbAsync(db => db.SurveyUploads.AnyAsync(u => u.CampaignId == campaignId)));
        // The households read back through the household page like any other.
        var household = await staff.GetPageAsync($"/Needs/Household/{named.Id}");
        Assert.Contains("un veteran", household.QuerySelector("#answers")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_excel_workbook_of_one_community_imports_without_a_community_column(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, communities) = await NeedsCampaigns.PublishedMoldovanAsync(app, "4101000");
        var staff = app.Browser("en");
        await staff.SignInAsync("cso@partnera.demo");
        var sheet = new[]
        {
            new Dictionary<string, object?> { ["A1 Household size"] = 4, ["A2"] = 2, ["A3"] = 0, ["B1"] = "low-income", ["C2"] = 3, ["D1"] = "no", ["E3"] = new DateTime(2026, 2, 1) },
            new Dictionary<string, object?> { ["A1 Household size"] = 1, ["A2"] = 0, ["A3"] = 1, ["B1"] = "older-alone", ["C2"] = 2, ["D1"] = "da", ["E3"] = null },
        };
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, sheet);
        var uploaded = await staff.SubmitAsync($"/Needs/Import/{campaignId}", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("glodeni.xlsx", workbook.ToArray()) });
        var withUpload = uploaded.Headers.Location!.OriginalString;
        var check = await staff.GetPageAsync(withUpload);
        Assert.Equal("2 rows: 2 valid, 0 with problems.", check.QuerySelector("#import-counts")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]>(), "#save-form")).StatusCode);

        var households = await app.WithDbAsync(db => db.HouseholdResponses.Where(r => r.CampaignId == campaignId).ToListAsync());
        Assert.All(households, h => Assert.Equal(communities[0], h.CommunityId));
        Assert.Equal([1m, 4m], households.Select(h => h.Answers.Single(a => a.QuestionCode == "A1").Number!.Value).Order());
        Assert.Contains(households, h => h.Answers.Any(a => a.QuestionCode == "E3" && a.Date == new DateOnly(2026, 2, 1)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_refuses_wrong_files_and_mappings_and_is_for_the_working_group_only(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, _) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000", "8601000");
        var staff = app.Browser("en");
        await staff.SignInAsync("cso@partnera.demo");
        var page = $"/Needs/Import/{campaignId}";
        var wrongKind = Pages.Parse(await (await staff.SubmitAsync(page, new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("answers.pdf", "%PDF-1.4"u8.ToArray()) })).TextAsync());
        Assert.Contains("Only CSV (.csv) and Excel (.xlsx) files can be imported.", wrongKind.FieldErrors());
        var brokenExcel = Pages.Parse(await (await staff.SubmitAsync(page, new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("answers.xlsx", "not a workbook"u8.ToArray()) })).TextAsync());
        Assert.Contains(brokenExcel.FieldErrors(), e => e.StartsWith("The file is named as an Excel workbook (.xlsx) but is not one", StringComparison.Ordinal));

        var uploaded = await staff.SubmitAsync(page, new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("a.csv", "A1,A2,A3\n3,1,0\n"u8.ToArray()) });
        var withUpload = uploaded.Headers.Location!.OriginalString;
        var twice = Pages.Parse(await (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]> { ["Targets[1]"] = ["q:A1"] }, "#mapping-form")).TextAsync());
        Assert.Contains(twice.FieldErrors(), e => e.StartsWith("Two columns hold the same thing", StringComparison.Ordinal));
        Assert.Contains(twice.FieldErrors(), e => e.StartsWith("The campaign covers several communities", StringComparison.Ordinal));
        Assert.Contains("B1", twice.QuerySelector("#required-missing")!.TextContent, StringComparison.Ordinal);

        var outsider = app.Browser("en");
        await outsider.SignInAsync("specialist@partnera.demo");
        // The specialist sees the campaign in their list: refused as a matter of rights, the same with or without an upload.
        foreach (var url in new[] { page, withUpload, withUpload + "&handler=Errors" })
            Assert.Equal("/Account/AccessDenied?reason=working-group", (await outsider.GetAsync(url)).Headers.Location?.OriginalString);
    }
}
