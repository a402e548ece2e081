using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;

namespace Partnera.Features.Planning;

/// <summary>
/// What changed between two versions of a plan, measure by measure (or between a version and the plan as it stands,
/// version number 0). By default: the latest version against the one before it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ChangesModel(PartneraDbContext db, IStringLocalizer<PlanningStrings> t, IStringLocalizer<DirectoryStrings> directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public IReadOnlyList<MeasureChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.CommunityPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderBy(v => v.Number).ToListAsync(ct);
        To ??= Versions.Count > 0 ? Versions[^1].Number : 0;
        From ??= To == 0 ? Versions.LastOrDefault()?.Number ?? 0 : To - 1;
        var before = await SnapshotAsync(From.Value, ct);
        var after = await SnapshotAsync(To.Value, ct);
        var culture = CultureInfo.CurrentUICulture;
        Changes = PlanChanges.Between(before, after, culture, g => g is { } group ? directory[$"TargetGroup_{group}"] : t["Measure_AnyGroup"], s => directory[$"FundingSource_{s}"]);
        return Page();
    }

    /// <summary>A version's snapshot; 0 is the plan as it stands; a number with no version is an empty plan (everything shows as added).</summary>
    private async Task<PlanSnapshot> SnapshotAsync(int number, CancellationToken ct)
    {
        if (number == 0) return await PlanSnapshot.OfAsync(db, Plan.Id, ct);
        return Versions.FirstOrDefault(v => v.Number == number) is { } version
            ? PlanSnapshot.FromJson(version.Snapshot)
            : new PlanSnapshot(Plan.Title.Value, Plan.FirstYear, Plan.LastYear, []);
    }
}
