using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// What closing each gap costs, split by funding source, with the assumptions printed. The working group (and
/// those who run campaigns) set the split and a community's own unit costs, and hand the costed gaps to planning.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CostsModel(PartneraDbContext db, GapCosting costing, TimeProvider time, IStringLocalizer<NeedsStrings> t,
    IStringLocalizer<DirectoryStrings> directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public NeedMethod Method { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    /// <summary>The communities the summary shows: one page of them.</summary>
    public Page<(Guid Id, MultilingualText Name)> Shown { get; private set; } = new([], 1, 1, 0);
    [BindProperty] public SplitInput Split { get; set; } = new();
    /// <summary>The chosen community's own unit cost per category code; empty for none.</summary>
    [BindProperty] public Dictionary<string, string?> UnitCosts { get; set; } = [];
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public CostedResult? Result { get; private set; }
    public bool CanChange { get; private set; }
    public DateTime? HandedOverAt { get; private set; }
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];
    public IReadOnlyList<CostedGap> Rows => Result is null || Community is not { } c ? [] : Result.Rows.Where(r => r.Gap.CommunityId == c).ToList();

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        if (Result is not null) Split = SplitInput.From(Result.Split);
        UnitCosts = Rows.Where(r => r.Basis == UnitCostBasis.Community).ToDictionary(r => r.Gap.TermCode, r => r.UnitCost?.ToString("0.##", CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostSplitAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct) || Result is null) return NotFound();
        if (!CanChange) return Forbid();
        var shares = new Dictionary<FundingSource, decimal>();
        foreach (var source in CostDefaults.Sources)
        {
            if (Number(Split.Of(source)) is { } percent && percent is >= 0 and <= 100) shares[source] = percent / 100;
            else ModelState.AddModelError($"Split.{source}", t["Costs_BadPercent"]);
        }
        if (ModelState.IsValid && shares.Values.Sum() != 1) ModelState.AddModelError(nameof(Split), t["Costs_SplitSum"]);
        if (!ModelState.IsValid) return Page();
        await ChangeSettingsAsync(campaignId, s => s.Split = shares, ct);
        return Redirect($"/Needs/Costs/{campaignId}?method={Method}");
    }

    public async Task<IActionResult> OnPostUnitCostsAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct) || Result is null || Community is not { } community) return NotFound();
        if (!CanChange) return Forbid();
        var own = new List<UnitCostOverride>();
        foreach (var row in Rows)
        {
            var typed = UnitCosts.GetValueOrDefault(row.Gap.TermCode);
            if (string.IsNullOrWhiteSpace(typed)) continue;
            if (Number(typed) is { } cost && cost is >= 0 and <= UnitCostOverride.Largest) own.Add(new(community, row.Gap.TermCode, cost));
            else ModelState.AddModelError($"UnitCosts[{row.Gap.TermCode}]", t["Costs_BadUnitCost"]);
        }
        if (!ModelState.IsValid) return Page();
        await ChangeSettingsAsync(campaignId, s => s.Overrides = [.. s.Overrides.Where(o => o.Community != community), .. own], ct);
        return Redirect($"/Needs/Costs/{campaignId}?method={Method}&community={community}");
    }

    /// <summary>Freezes the campaign's costed gaps for community planning, replacing what was handed over before.</summary>
    public async Task<IActionResult> OnPostHandOverAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct) || Result is null) return NotFound();
        if (!CanChange) return Forbid();
        var now = time.GetUtcNow().UtcDateTime;
        var assumptions = Assumptions();
        // Figures are replaced row by row (same community and category), so that plan measures naming a gap keep it;
        // a gap that is no longer there is removed, or set to zero while a measure still names it.
        var earlier = await db.HandedOverGaps.Where(g => g.CampaignId == campaignId).ToListAsync(ct);
        var named = (await db.MeasureGaps.Where(l => earlier.Select(g => g.Id).Contains(l.GapId)).Select(l => l.GapId).Distinct().ToListAsync(ct)).ToHashSet();
        var current = Result.Rows.Where(r => r.Gap.Gap > 0).ToDictionary(r => (r.Gap.CommunityId, r.Gap.TermCode));
        if (current.Count == 0 && earlier.Count == 0)
        {
            TempData["Message"] = "Costs_NothingToHandOver";
            return Redirect($"/Needs/Costs/{campaignId}?method={Method}");
        }
        foreach (var gap in earlier.Where(g => !current.ContainsKey((g.CommunityId, g.TermCode))))
        {
            if (named.Contains(gap.Id)) Freeze(gap, null, assumptions, now);
            else db.HandedOverGaps.Remove(gap);
        }
        foreach (var (key, row) in current)
        {
            var gap = earlier.Find(g => (g.CommunityId, g.TermCode) == key);
            if (gap is null) db.HandedOverGaps.Add(gap = new HandedOverGap { CampaignId = campaignId, CommunityId = key.CommunityId, TermCode = key.TermCode });
            Freeze(gap, row, assumptions, now);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Needs/Costs/{campaignId}?method={Method}");
    }

    /// <summary>Writes a costed gap's figures (all zero when it is no longer a gap) onto the handed-over row.</summary>
    private void Freeze(HandedOverGap gap, CostedGap? row, string assumptions, DateTime now)
    {
        gap.Taxonomy = Result!.Taxonomy;
        gap.Method = Method.ToString();
        gap.Unit = (row?.Gap.Unit ?? CountingUnit.Person).ToString();
        gap.Need = row?.Gap.EstimatedNeed ?? 0;
        gap.Capacity = row?.Gap.Capacity ?? 0;
        gap.Gap = row?.Gap.Gap ?? 0;
        gap.UnitCost = row?.UnitCost;
        gap.UnitCostBasis = (row?.Basis ?? UnitCostBasis.None).ToString();
        gap.Currency = Result.Defaults.Currency;
        gap.Cost = row?.Cost ?? 0;
        gap.LocalBudget = row?.Shares[FundingSource.LocalBudget] ?? 0;
        gap.StateBudget = row?.Shares[FundingSource.StateBudget] ?? 0;
        gap.Donor = row?.Shares[FundingSource.Donor] ?? 0;
        gap.Other = row?.Shares[FundingSource.Other] ?? 0;
        gap.Assumptions = assumptions;
        gap.HandedOverAt = now;
        gap.HandedOverBy = User.Identity?.Name;
    }

    /// <summary>The cost of each community shown (all communities) or of each category (one), stacked by funding source.</summary>
    public string ChartJson()
    {
        var culture = CultureInfo.CurrentUICulture;
        var currency = Result!.Defaults.Currency;
        IReadOnlyDictionary<FundingSource, decimal> Summed(IEnumerable<CostedGap> rows) =>
            CostDefaults.Sources.ToDictionary(s => s, s => rows.Sum(r => r.Shares[s]));
        var bars = Community is null
            ? Shown.Items.Select(c => (c.Name.In(culture), Summed(Result.Rows.Where(r => r.Gap.CommunityId == c.Id))))
            : Rows.Select(r => ($"{r.Gap.TermCode} {r.Gap.Category.In(culture)}", r.Shares));
        return GapChart.BySource(bars, CostDefaults.Sources, s => $"{directory[$"FundingSource_{s}"]}, {currency}");
    }

    /// <summary>The assumptions in words, as printed on the page and kept with the handed-over figures.</summary>
    public string Assumptions()
    {
        var culture = CultureInfo.CurrentUICulture;
        var split = string.Join(", ", Result!.Split.Where(s => s.Value > 0).Select(s => $"{directory[$"FundingSource_{s.Key}"]} {s.Value.ToString("P0", culture)}"));
        return t["Costs_Assumptions", t[$"NeedMethod_{Method}"], Result.Defaults.Currency, split, Result.Defaults.Source.In(culture)];
    }

    private async Task ChangeSettingsAsync(Guid campaignId, Action<CostSettings> change, CancellationToken ct)
    {
        var campaign = await db.AssessmentCampaigns.SingleAsync(c => c.Id == campaignId, ct);
        var settings = CostSettings.FromJson(campaign.Costing);
        change(settings);
        campaign.Costing = settings.ToJson();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
    }

    private async Task<bool> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        var title = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        CampaignTitle = title;
        if (!Enum.IsDefined(Method)) Method = NeedMethod.Survey;
        Communities = await CampaignEditor.CommunitiesAsync(db, campaignId, ct);
        Community = CampaignEditor.OneOf(Communities, Community);
        Result = await costing.ForCampaignAsync(campaignId, Method, ct, Community);
        Shown = Communities.ToPage(PageNumber, GapsModel.MatrixPage);
        CanChange = CampaignEditor.CanEdit(User) || await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct);
        HandedOverAt = await db.HandedOverGaps.Where(g => g.CampaignId == campaignId).MaxAsync(g => (DateTime?)g.HandedOverAt, ct);
        return true;
    }

    private static decimal? Number(string? typed) =>
        TypedNumber.TryRead(typed, out var n) ? n : null;

    /// <summary>The percent typed for each funding source.</summary>
    public sealed class SplitInput
    {
        public string? LocalBudget { get; set; }
        public string? StateBudget { get; set; }
        public string? Donor { get; set; }
        public string? Other { get; set; }

        public string? Of(FundingSource source) => source switch
        {
            FundingSource.LocalBudget => LocalBudget,
            FundingSource.StateBudget => StateBudget,
            FundingSource.Donor => Donor,
            _ => Other,
        };

        public static SplitInput From(IReadOnlyDictionary<FundingSource, decimal> shares)
        {
            string? Percent(FundingSource s) => (shares.GetValueOrDefault(s) * 100).ToString("0.##", CultureInfo.InvariantCulture);
            return new() { LocalBudget = Percent(FundingSource.LocalBudget), StateBudget = Percent(FundingSource.StateBudget), Donor = Percent(FundingSource.Donor), Other = Percent(FundingSource.Other) };
        }
    }
}
