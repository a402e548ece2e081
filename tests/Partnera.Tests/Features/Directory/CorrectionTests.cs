using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Corrections;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class CorrectionTests(TestApps apps)
{
    private static async Task<Guid> NewServiceAsync(PartneraApp app, string shortName)
    {
        return await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.Where(o => o.ShortName == shortName).Select(o => o.Id).SingleAsync();
            var service = new Service { OrganisationId = organisation, Name = new("Correctable " + Guid.NewGuid().ToString("N")[..6]), LastModified = DateTime.UtcNow };
            service.Phones.Add(new Phone { ServiceId = service.Id, Number = "+380 00 000 00 00" });
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_resident_suggests_and_staff_accept_field_by_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await NewServiceAsync(app, "ЦСССДМ");
        var resident = app.Browser("ro");
        var url = $"/Directory/Suggest/{id}";

        var nothing = await resident.SubmitAsync(url, new Dictionary<string, string[]>(), "#suggest-form");
        Assert.Contains("cel puțin un câmp", await nothing.TextAsync());
        var badEmail = await resident.SubmitAsync(url, new Dictionary<string, string[]> { ["Proposed[Email]"] = ["not-an-address"] }, "#suggest-form");
        Assert.Contains("nu este o adresă de e-mail validă", await badEmail.TextAsync());

        var sent = await resident.SubmitAsync(url, new Dictionary<string, string[]>
        {
            ["Proposed[Phone]"] = ["+380 627 44 55 66"],
            ["Proposed[Name]"] = ["Wrong name"],
            ["Comment"] = ["The number changed in October."],
        }, "#suggest-form");
        Assert.NotNull(Pages.Parse(await sent.TextAsync()).QuerySelector("#suggestion-sent"));

        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");
        var page = await staff.GetPageAsync("/Directory/Manage/Corrections");
        var form = page.QuerySelectorAll("form.correction").Single(f => f.QuerySelector($"a[href='/Directory/Service/{id}']") is not null);
        var correction = form.QuerySelector("input[name=correctionId]")!.GetAttribute("value")!;
        var fields = await app.WithDbAsync(db => db.CorrectionFields.Where(f => f.CorrectionId == Guid.Parse(correction)).ToListAsync());
        var phone = fields.Single(f => f.Field == CorrectableField.Phone).Id;
        var name = fields.Single(f => f.Field == CorrectableField.Name).Id;
        var decided = await staff.SubmitAsync("/Directory/Manage/Corrections", new Dictionary<string, string[]>
        {
            [$"accept[{phone}]"] = ["true"],
            [$"accept[{name}]"] = ["false"],
        }, $"form.correction:has(input[value='{correction}'])");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var service = await app.WithDbAsync(db => db.Services.Include(s => s.Phones).SingleAsync(s => s.Id == id));
        Assert.Equal("+380 627 44 55 66", service.Phones.Single().Number);
        Assert.StartsWith("Correctable", service.Name.Value, StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.PartlyAccepted, await app.WithDbAsync(db => db.ServiceCorrections.Where(c => c.Id == Guid.Parse(correction)).Select(c => c.Status).SingleAsync()));
        var metadata = JsonNode.Parse(await app.CreateClient().GetStringAsync($"/api/hsds/services/{id}"))!["metadata"]!.AsArray();
        Assert.Contains(metadata, m => m!["field_name"]!.GetValue<string>() == "Number" && m["replacement_value"]!.GetValue<string>() == "+380 627 44 55 66"
            && m["previous_value"]!.GetValue<string>() == "+380 00 000 00 00" && m["updated_by"]!.GetValue<string>() == "staff");
    }

    [Fact]
    public async Task Robots_filling_the_hidden_field_are_thanked_but_nothing_is_kept()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var id = await NewServiceAsync(app, "ЦСССДМ");
        var response = await app.Browser().SubmitAsync($"/Directory/Suggest/{id}", new Dictionary<string, string[]>
        {
            ["Proposed[Website]"] = ["https://spam.example"],
            ["Homepage"] = ["https://spam.example"],
        }, "#suggest-form");
        Assert.NotNull(Pages.Parse(await response.TextAsync()).QuerySelector("#suggestion-sent"));
        Assert.False(await app.WithDbAsync(db => db.ServiceCorrections.AnyAsync(c => c.ServiceId == id)));
    }

    [Fact]
    public async Task Staff_of_another_organisation_cannot_decide()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var id = await NewServiceAsync(app, "ЦСССДМ");
        await app.Browser().SubmitAsync($"/Directory/Suggest/{id}", new Dictionary<string, string[]> { ["Comment"] = ["Closed on Fridays"] }, "#suggest-form");
        var correction = await app.WithDbAsync(db => db.ServiceCorrections.Where(c => c.ServiceId == id).Select(c => c.Id).SingleAsync());
        var outsider = app.Browser();
        await outsider.SignInAsync("cso@partnera.demo");
        var page = await outsider.GetPageAsync("/Directory/Manage/Corrections");
        Assert.DoesNotContain(correction.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await outsider.GetPageAsync("/Directory/Manage")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await outsider.PostAsync("/Directory/Manage/Corrections?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["correctionId"] = correction.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.StartsWith("/Account/AccessDenied", forged.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.Pending, await app.WithDbAsync(db => db.ServiceCorrections.Where(c => c.Id == correction).Select(c => c.Status).SingleAsync()));
    }
}
