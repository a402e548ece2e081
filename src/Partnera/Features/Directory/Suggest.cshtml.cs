using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Directory.Corrections;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Directory;

/// <summary>
/// Anyone suggests a correction to a service page, without an account. Limited per address, with a field
/// that people never see but form-filling robots do; nothing changes until the provider's staff decide.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicWrite)]
public sealed class SuggestModel(PartneraDbContext db, TimeProvider time, IStringLocalizer<DirectoryStrings> t) : PageModel
{
    [BindProperty] public Dictionary<CorrectableField, string?> Proposed { get; set; } = [];
    [BindProperty, StringLength(2000), Display(Name = "Suggest_Comment")] public string? Comment { get; set; }
    /// <summary>Hidden from people; a value here means a robot filled the form.</summary>
    [BindProperty] public string? Homepage { get; set; }
    public Service Service { get; private set; } = null!;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var changes = Proposed.Where(p => Enum.IsDefined(p.Key) && !string.IsNullOrWhiteSpace(p.Value)
            && p.Value.Trim() != CorrectionFields.Current(Service, p.Key)).ToDictionary(p => p.Key, p => p.Value!.Trim());
        foreach (var (field, value) in changes)
        {
            if (value.Length > CorrectionFields.MaxLength(field)) ModelState.AddModelError($"Proposed[{field}]", t["Suggest_TooLong", CorrectionFields.MaxLength(field)]);
            else if (field == CorrectableField.Email && !new EmailAddressAttribute().IsValid(value)) ModelState.AddModelError($"Proposed[{field}]", t["Suggest_BadEmail"]);
            else if (field == CorrectableField.Website && !Organisations.OrganisationEditor.IsWebAddress(value)) ModelState.AddModelError($"Proposed[{field}]", t["Suggest_BadWebsite"]);
        }
        if (changes.Count == 0 && string.IsNullOrWhiteSpace(Comment)) ModelState.AddModelError("", t["Suggest_Nothing"]);
        if (!ModelState.IsValid) return Page();
        if (string.IsNullOrEmpty(Homepage))
        {
            var correction = new ServiceCorrection { ServiceId = id, SubmittedAt = time.GetUtcNow().UtcDateTime, Comment = Comment?.Trim() };
            correction.Fields.AddRange(changes.Select(c => new CorrectionField { CorrectionId = correction.Id, Field = c.Key, ProposedValue = c.Value }));
            db.ServiceCorrections.Add(correction);
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Phones).FirstOrDefaultAsync(s => s.Id == id && s.Status != ServiceStatus.Defunct, ct);
        if (service is null) return false;
        Service = service;
        return true;
    }
}
