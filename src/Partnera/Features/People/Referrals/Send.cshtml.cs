using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Referrals;

/// <summary>Refers a person to a service in the directory: the reason, how urgent, and what of the record goes with it (ticked).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SendModel(PartneraDbContext db, PersonAccess access, ReferralFlow flow, ServiceFinder finder, TerritoryTree territories, IStringLocalizer<PeopleStrings> t) : PageModel
{
    private const int ServicesPerPage = 20;

    public sealed class SendInput
    {
        [Required, Display(Name = "Referral_Service")] public Guid? ServiceId { get; set; }
        [Required, StringLength(2000), Display(Name = "Referral_Reason")] public string? Reason { get; set; }
        [Display(Name = "Referral_Urgency")] public Urgency Urgency { get; set; }
        [Display(Name = "Referral_Shared")] public List<SharedData> Shared { get; set; } = [];
    }

    [BindProperty] public SendInput Input { get; set; } = new();
    [BindProperty] public string? ServiceQuery { get; set; }
    public Person Person { get; private set; } = null!;
    /// <summary>A category to narrow the services offered (the classifier of the person's country first).</summary>
    [BindProperty] public Guid? CategoryId { get; set; }
    [BindProperty] public int? ServicePage { get; set; }
    public IReadOnlyList<ServiceCategories.Option> Categories { get; private set; } = [];
    /// <summary>Services offered, a page at a time: those serving the person's community first (marked), then the rest of the country.</summary>
    public Page<(FinderHit Hit, bool Near)> Services { get; private set; } = new([], 1, ServicesPerPage, 0);
    /// <summary>The service chosen before the list was narrowed or paged past it, kept in sight.</summary>
    public FinderHit? Chosen { get; private set; }
    public MultilingualText? Community { get; private set; }
    public MultilingualText? CountryName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var from = await db.PersonInvolvements.Where(i => i.PersonId == id && PersonAccess.Organisations(User).Contains(i.OrganisationId) && i.Kind != Involvement.ReferralReceived)
            .Select(i => i.OrganisationId).FirstAsync(ct);
        var shared = Input.Shared.Aggregate(SharedData.None, (all, one) => all | one);
        var (referral, problem) = await flow.SendAsync(Person, from, Input.ServiceId!.Value, Input.Reason!, Input.Urgency, shared, ct);
        if (problem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SendInput.ServiceId)}", t[problem]);
            return Page();
        }
        // An organisation where no one works with people on Partnera would never see it: the sender must reach them otherwise.
        var seen = await db.Memberships.AnyAsync(m => m.OrganisationId == referral!.ToOrganisationId && m.PendingSince == null && PersonAccess.PersonalDataRoles.Contains(m.Role), ct);
        TempData["Message"] = seen ? "Common_Saved" : "Referral_SentNoOneThere";
        return Redirect($"/People/Referrals/Referral/{referral!.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // Only an organisation holding the whole record refers the person on.
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return false;
        Person = person;
        // The person's community, or (not known) the sender's own place: services there first, then the rest of its country.
        var mine = PersonAccess.Organisations(User);
        var place = person.TerritoryId ?? await db.Organisations.Where(o => mine.Contains(o.Id) && o.TerritoryId != null).OrderBy(o => o.Id).Select(o => o.TerritoryId).FirstOrDefaultAsync(ct);
        var path = place is { } p ? await TerritoryPath.OfAsync(db, p, ct) : [];
        Community = path.Count > 0 ? path[^1].Name : null;
        var country = path.Count > 1 && path[0].Level == TerritoryLevel.Country ? path[0] : null;
        CountryName = country?.Name;
        Categories = [.. (await ServiceCategories.LoadAsync(db, ct)).OrderBy(c => string.Equals(c.Country, country?.Code, StringComparison.OrdinalIgnoreCase) ? 0 : 1)];
        if (CategoryId is { } category && !Categories.Any(c => c.Id == category)) CategoryId = null;

        var query = new FinderQuery(Text: ServiceQuery, TermId: CategoryId, ActiveOnly: true);
        var near = place is { } here ? await finder.OrderedIdsAsync(query with { TerritoryId = here }, ct) : [];
        if (place is { } community && near.Count > 0)
        {
            // Within what serves the community, what is based in it or covers it alone comes before what covers a whole region or country.
            var within = (await territories.ScopeAsync(community, ct)).Within.ToList();
            var local = (await db.ServiceAreas.Where(a => a.TerritoryId != null && within.Contains(a.TerritoryId.Value)).Select(a => a.ServiceId)
                .Union(db.ServiceAtLocations.Where(l => l.Location!.TerritoryId != null && within.Contains(l.Location.TerritoryId.Value)).Select(l => l.ServiceId))
                .ToListAsync(ct)).ToHashSet();
            near = [.. near.Where(local.Contains), .. near.Where(x => !local.Contains(x))];
        }
        var nearSet = near.ToHashSet();
        // Beyond the community, only once a word or a category narrows the directory (never a country's every service):
        // the rest of the person's country first, then anywhere (a word the sender typed may name a service abroad).
        var narrowed = CategoryId is not null || ServiceFinder.QueryWords(ServiceQuery).Count > 0;
        List<Guid> wider = !narrowed ? []
            : [.. country is not null ? await finder.OrderedIdsAsync(query with { TerritoryId = country.Id }, ct) : [], .. await finder.OrderedIdsAsync(query, ct)];
        // The sender's own services are left out: a referral goes to another organisation.
        var own = (await db.Services.Where(s => mine.Contains(s.OrganisationId)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var ordered = near.Concat(wider.Where(x => !nearSet.Contains(x))).Distinct().Where(x => !own.Contains(x)).ToList();
        var page = ordered.ToPage(ServicePage, ServicesPerPage);
        ServicePage = page.Number;
        var hits = await finder.HitsAsync(page.Items, ct);
        Services = new Page<(FinderHit, bool)>([.. hits.Select(h => (h, nearSet.Contains(h.Id)))], page.Number, page.Size, page.TotalItems);
        if (Input.ServiceId is { } chosen && !hits.Any(h => h.Id == chosen))
            Chosen = (await finder.HitsAsync([chosen], ct)).FirstOrDefault(h => h.Status == ServiceStatus.Active);
        return true;
    }
}
