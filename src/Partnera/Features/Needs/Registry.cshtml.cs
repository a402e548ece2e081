using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Registry;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// Registry counts for a campaign's communities: people per vulnerable group on a date, typed into one grid
/// (community × group). Entered by the working group or by those who run campaigns.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Infrastructure.Imports.ImportRequestSize]
public sealed class RegistryModel(PartneraDbContext db, RegistryImport importer, IStringLocalizer<NeedsStrings> t, IStringLocalizer<DirectoryStrings> d) : PageModel
{
    public const int MaxPeople = 10_000_000;

    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    [BindProperty] public string? Source { get; set; }
    /// <summary>Typed counts by "territoryId:Group".</summary>
    [BindProperty] public Dictionary<string, string?> Counts { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Imported { get; private set; }
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];

    public static string Key(Guid territoryId, TargetGroup group) => $"{territoryId:N}:{group}";

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        var ids = Communities.Select(c => c.Id).ToList();
        var stored = await db.RegistryCounts.AsNoTracking().Where(c => ids.Contains(c.TerritoryId) && c.AsOf == AsOf).ToListAsync(ct);
        Counts = stored.ToDictionary(c => Key(c.TerritoryId, c.Group), c => (string?)c.People.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Source = stored.Select(c => c.Source).FirstOrDefault(s => s is not null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        var typed = new Dictionary<(Guid, TargetGroup), int?>();
        var populations = await RegistryCount.PopulationsAsync(db, Communities.Select(c => c.Id), ct);
        foreach (var (id, name) in Communities)
        {
            foreach (var group in Enum.GetValues<TargetGroup>())
            {
                var text = Counts.GetValueOrDefault(Key(id, group))?.Trim();
                if (string.IsNullOrEmpty(text)) { typed[(id, group)] = null; continue; }
                if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var people) || people > MaxPeople)
                    ModelState.AddModelError($"Counts[{Key(id, group)}]", t["Registry_BadCount", name.Value, d[$"TargetGroup_{group}"], MaxPeople]);
                else if (populations.TryGetValue(id, out var living) && people > living)
                    ModelState.AddModelError($"Counts[{Key(id, group)}]", t["Registry_AbovePopulation", name.Value, d[$"TargetGroup_{group}"], people.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), living.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
                else
                    typed[(id, group)] = people;
            }
        }
        if (!ModelState.IsValid) return Page();
        var ids = Communities.Select(c => c.Id).ToList();
        var stored = await db.RegistryCounts.Where(c => ids.Contains(c.TerritoryId) && c.AsOf == AsOf).ToListAsync(ct);
        foreach (var ((territory, group), people) in typed)
        {
            var row = stored.FirstOrDefault(c => c.TerritoryId == territory && c.Group == group);
            if (people is null) { if (row is not null) db.RegistryCounts.Remove(row); continue; }
            if (row is null) db.RegistryCounts.Add(row = new RegistryCount { TerritoryId = territory, Group = group, AsOf = AsOf!.Value });
            row.People = people.Value;
            row.Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim();
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Needs/Registry/{campaignId}?asOf={AsOf:yyyy-MM-dd}");
    }

    /// <summary>Counts from a CSV file: all rows saved, or none and every bad row listed.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Import_ChooseFile"]);
            return Page();
        }
        var ids = Communities.Select(c => c.Id).ToList();
        var codes = await db.Territories.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        await using var stream = Upload.OpenReadStream();
        Imported = await importer.ImportAsync(stream, Communities.Select(c => (c.Id, codes.GetValueOrDefault(c.Id), c.Name)).ToList(), AsOf!.Value, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        if (!CampaignEditor.CanEdit(User) && !await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct)) return false;
        var campaign = await AnswerForm.LoadAsync(db, campaignId, ct);
        if (campaign is null) return false;
        CampaignTitle = campaign.Title;
        Communities = campaign.Communities;
        AsOf ??= campaign.PeriodStarts;
        return true;
    }
}
