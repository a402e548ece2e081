using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Memoranda;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Memoranda;

public sealed class MemorandumTests(TestApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory, ClassData(typeof(Databases))]
    public async Task A_party_records_a_memorandum_with_its_signed_document_and_an_initiative(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("uk");
        await client.SignInAsync("provider@partnera.demo");
        var (centre, unicef) = await app.WithDbAsync(async db => (
            await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync(),
            await db.Organisations.Where(o => o.ShortName == "UNICEF").Select(o => o.Id).SingleAsync()));
        var title = $"Угода про спільний центр {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string[]>
        {
            ["Input.Title"] = [title],
            ["Input.Kind"] = ["CooperationAgreement"],
            ["Input.Status"] = ["InForce"],
            ["Input.PartyIds"] = [centre.ToString(), unicef.ToString()],
            ["Input.ValidFrom"] = ["2026-03-01"],
            ["Input.ValidTo"] = ["2025-03-01"],
        };

        var invalid = await client.SubmitAsync("/Memoranda/Edit", fields, files: new Dictionary<string, (string, byte[])> { ["Document"] = ("scan.exe", [0x4D, 0x5A, 0x90, 0x00]) });
        var errors = Pages.Parse(await invalid.TextAsync()).FieldErrors();
        Assert.Contains("дата підписання", string.Join(" | ", errors), StringComparison.Ordinal);
        Assert.Contains("раніше за дату початку", string.Join(" | ", errors), StringComparison.Ordinal);

        fields["Input.SignedOn"] = ["2026-02-20"];
        fields["Input.ValidTo"] = ["2027-03-01"];
        var wrongType = await client.SubmitAsync("/Memoranda/Edit", fields, files: new Dictionary<string, (string, byte[])> { ["Document"] = ("scan.pdf", [0x4D, 0x5A, 0x90, 0x00]) });
        Assert.Contains("PDF, PNG або JPEG", string.Join(" | ", Pages.Parse(await wrongType.TextAsync()).FieldErrors()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Memoranda.AnyAsync(m => m.Title.Value == title)));

        var saved = await client.SubmitAsync("/Memoranda/Edit", fields, files: new Dictionary<string, (string, byte[])> { ["Document"] = ("../../etc/passwd.pdf", Pdf) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var memorandum = await app.WithDbAsync(db => db.Memoranda.Include(m => m.Parties).SingleAsync(m => m.Title.Value == title));
        Assert.Equal(2, memorandum.Parties.Count);

        var document = await client.GetAsync($"/Memoranda/{memorandum.Id}/document");
        Assert.Equal("application/pdf", document.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await document.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("/", document.Content.Headers.ContentDisposition!.FileNameStar ?? document.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Contains("sandbox", document.Headers.GetValues("Content-Security-Policy").Single());

        var initiative = await client.SubmitAsync($"/Memoranda/Initiative/{memorandum.Id}", new Dictionary<string, string[]>
        {
            ["Input.Title"] = ["Спільна школа прийомних батьків"],
            ["Input.ResponsibleOrganisationId"] = [centre.ToString()],
            ["Input.StartsOn"] = ["2026-04-01"],
            ["Input.Status"] = ["InProgress"],
        });
        Assert.Equal(HttpStatusCode.Redirect, initiative.StatusCode);
        var details = await app.Browser("en").GetPageAsync($"/Memoranda/Details/{memorandum.Id}");
        Assert.Contains("Спільна школа прийомних батьків", details.QuerySelector("#initiatives + table, section table")!.TextContent);
        Assert.Contains("In progress", details.QuerySelector("section table")!.TextContent);

        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Subject == $"Memorandum:{memorandum.Id}").Select(a => a.EntityType).ToListAsync());
        Assert.Contains("Memorandum", audit);
        Assert.Contains("MemorandumParty", audit);
        Assert.Contains("JointInitiative", audit);
    }

    [Fact]
    public async Task Only_parties_and_authority_staff_change_a_memorandum()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var unicefMemorandum = await app.WithDbAsync(db => db.Memoranda.Where(m => m.SignedOn == new DateOnly(2020, 1, 27)).Select(m => m.Id).SingleAsync());
        var outsider = app.Browser();
        await outsider.SignInAsync("volunteers@partnera.demo");
        Assert.StartsWith("/Account/AccessDenied", (await outsider.GetAsync($"/Memoranda/Edit/{unicefMemorandum}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", (await outsider.GetAsync($"/Memoranda/Initiative/{unicefMemorandum}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var party = app.Browser();
        await party.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.OK, (await party.GetAsync($"/Memoranda/Edit/{unicefMemorandum}")).StatusCode);

        var publicPage = await app.Browser().GetPageAsync($"/Memoranda/Details/{unicefMemorandum}");
        Assert.Empty(publicPage.QuerySelectorAll($"a[href='/Memoranda/Edit/{unicefMemorandum}']"));
    }

    [Fact]
    public async Task Documents_over_the_size_limit_are_refused()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Documents:MaxBytes"] = "1024" });
        var client = app.Browser("en");
        await client.SignInAsync("specialist@partnera.demo");
        var parties = await app.WithDbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Id.ToString()).Take(2).ToArrayAsync());
        var big = Pdf.Concat(new byte[2048]).ToArray();
        var response = await client.SubmitAsync("/Memoranda/Edit", new Dictionary<string, string[]>
        {
            ["Input.Title"] = ["Too big"],
            ["Input.PartyIds"] = parties,
        }, files: new Dictionary<string, (string, byte[])> { ["Document"] = ("big.pdf", big) });
        Assert.Contains("larger than", string.Join(" | ", Pages.Parse(await response.TextAsync()).FieldErrors()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_memorandum_entered_by_mistake_is_deleted_with_its_document_and_the_log_keeps_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser();
        await client.SignInAsync("specialist@partnera.demo");
        var parties = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "UNICEF" || o.ShortName == "ЦСССДМ").Select(o => o.Id.ToString()).ToArrayAsync());
        var title = $"Mistake {Guid.NewGuid():N}";
        var saved = await client.SubmitAsync("/Memoranda/Edit", new Dictionary<string, string[]> { ["Input.Title"] = [title], ["Input.PartyIds"] = parties },
            files: new Dictionary<string, (string, byte[])> { ["Document"] = ("m.pdf", Pdf) });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{(int)saved.StatusCode}: {await saved.TextAsync()}");
        var memorandum = await app.WithDbAsync(db => db.Memoranda.Where(m => m.Title.Value == title).Select(m => new { m.Id, m.DocumentId }).SingleAsync());
        var (id, documentId) = (memorandum.Id, memorandum.DocumentId);

        var deleted = await client.SubmitAsync($"/Memoranda/Edit/{id}", new Dictionary<string, string[]>(), "#delete-memorandum");
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, $"{(int)deleted.StatusCode}: {await deleted.TextAsync()}");
        Assert.Equal("/Memoranda", deleted.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Memoranda.AnyAsync(m => m.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Id == documentId)));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"Memorandum:{id}" && a.Action == Partnera.Infrastructure.Auditing.AuditAction.Deleted && a.Changes!.Contains(title))));
    }
}
