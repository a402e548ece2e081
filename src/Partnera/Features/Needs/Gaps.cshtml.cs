using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Gaps;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// The campaign's gap analysis: need by the chosen method against directory capacity. All communities side by side
/// (gap per category, compared with the previous campaign), or one community in detail; as tables and a chart.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GapsModel(PartneraDbContext db, GapAnalysis analysis, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public NeedMethod Method { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public GapResult Result { get; private set; } = new(NeedMethod.Survey, [], null, null);
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];
    /// <summary>The rows the detail table shows: the chosen community's.</summary>
    public IReadOnlyList<GapRow> Rows => Community is { } c ? Result.Rows.Where(r => r.CommunityId == c).ToList() : [];
    public IReadOnlyList<(string Code, MultilingualText Name)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        var campaign = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => new { c.Title }).FirstOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        CampaignTitle = campaign.Title;
        if (!Enum.IsDefined(Method)) Method = NeedMethod.Survey;
        Result = await analysis.ForCampaignAsync(campaignId, Method, ct);
        Communities = Result.Rows.Select(r => (r.CommunityId, r.Community)).DistinctBy(c => c.CommunityId).ToList();
        if (Community is { } chosen && Communities.All(c => c.Id != chosen)) Community = null;
        Categories = Result.Rows.Select(r => (r.TermCode, r.Category)).DistinctBy(c => c.TermCode).OrderBy(c => c.TermCode, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>The chart's figures as JSON: one community's need, capacity and gap per category, or every community's total gap.</summary>
    public string ChartJson()
    {
        var culture = CultureInfo.CurrentUICulture;
        object chart = Community is not null
            ? new
            {
                labels = Rows.Select(r => r.Category.In(culture)),
                series = new[]
                {
                    new { name = t["Gaps_Need"].Value, values = Rows.Select(r => r.EstimatedNeed) },
                    new { name = t["Gaps_Capacity"].Value, values = Rows.Select(r => (decimal)r.Capacity) },
                    new { name = t["Gaps_Gap"].Value, values = Rows.Select(r => r.Gap) },
                },
            }
            : new
            {
                labels = Communities.Select(c => c.Name.In(culture)),
                series = new[] { new { name = t["Gaps_Gap"].Value, values = Communities.Select(c => Result.Rows.Where(r => r.CommunityId == c.Id).Sum(r => r.Gap)) } }
                    .Concat(Result.PreviousId is null ? [] : new[]
                    {
                        new { name = t["Gaps_PreviousGap"].Value, values = Communities.Select(c => Result.Rows.Where(r => r.CommunityId == c.Id).Sum(r => r.PreviousGap ?? 0)) },
                    }),
            };
        return JsonSerializer.Serialize(chart);
    }
}
