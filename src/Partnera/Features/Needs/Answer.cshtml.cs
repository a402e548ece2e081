using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Needs;

/// <summary>
/// The residents' online form: one household answers without an account while the campaign collects data.
/// Against abuse: a limit on answers per address and minute, a field only robots fill in, and a cookie that
/// stops the same browser answering twice.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicWrite)]
public sealed class AnswerModel(PartneraDbContext db, TimeProvider time, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty] public HouseholdInput Household { get; set; } = new();
    /// <summary>Hidden from people; a robot filling every field fills it too.</summary>
    [BindProperty] public string? Website { get; set; }
    public AnswerForm.Campaign Campaign { get; private set; } = null!;
    public bool Open { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    public bool Thanks { get; private set; }

    public IReadOnlyList<string> Given(string code) => Request.HasFormContentType ? Request.Form[$"A[{code}]"].OfType<string>().ToList() : [];

    public async Task<IActionResult> OnGetAsync(Guid campaignId, bool thanks, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        Thanks = thanks;
        Household.CommunityId = Campaign.Communities.Count == 1 ? Campaign.Communities[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        if (!Open || AlreadyAnswered) return Page();
        var answers = AnswerForm.Check(ModelState, Household, Campaign.Communities, Campaign.Definition!, code => Given(code), t);
        if (!ModelState.IsValid) return Page();
        if (string.IsNullOrEmpty(Website))
        {
            db.HouseholdResponses.Add(AnswerForm.Record(campaignId, Campaign.Version!, Household, answers, ResponseSource.Online, time.GetUtcNow().UtcDateTime, null));
            await db.SaveChangesAsync(ct);
        }
        Response.Cookies.Append(CookieName(campaignId), "1", new CookieOptions
        {
            Expires = time.GetUtcNow().AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return Redirect($"/Needs/Answer/{campaignId}?thanks=true");
    }

    private static string CookieName(Guid campaignId) => $"partnera-answered-{campaignId:N}";

    private async Task<bool> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await AnswerForm.LoadAsync(db, campaignId, ct);
        if (campaign is null) return false;
        Campaign = campaign;
        Open = AnswerForm.OpenToResidents(campaign, time.GetUtcNow());
        AlreadyAnswered = Request.Cookies.ContainsKey(CookieName(campaignId));
        return true;
    }
}
