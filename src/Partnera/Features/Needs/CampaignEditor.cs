using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>The rules of assessment campaigns and who may see and change them.</summary>
public sealed class CampaignEditor(PartneraDbContext db)
{
    public sealed record RuleError(string Field, string Key);

    /// <summary>A campaign's communities by name: what its pages offer to filter by.</summary>
    public static async Task<IReadOnlyList<(Guid Id, MultilingualText Name)>> CommunitiesAsync(PartneraDbContext db, Guid campaignId, CancellationToken ct) =>
        (await db.CampaignCommunities.AsNoTracking().Where(c => c.CampaignId == campaignId).Select(c => new { c.TerritoryId, c.Territory!.Name }).ToListAsync(ct))
            .Select(c => (c.TerritoryId, c.Name)).OrderBy(c => c.Name.Value).ToList();

    /// <summary>The community a page was asked to filter by, if it is one of the campaign's; otherwise none (all of them).</summary>
    public static Guid? OneOf(IReadOnlyList<(Guid Id, MultilingualText Name)> communities, Guid? chosen) =>
        chosen is { } id && communities.Any(c => c.Id == id) ? id : null;

    /// <summary>Administrators and authority specialists open and change campaigns.</summary>
    public static bool CanEdit(ClaimsPrincipal user) => user.CanManageOrganisations();

    /// <summary>Campaigns a person sees: all of them for those who run campaigns, otherwise those of their working groups.</summary>
    public static IQueryable<AssessmentCampaign> Visible(PartneraDbContext db, ClaimsPrincipal user)
    {
        if (CanEdit(user)) return db.AssessmentCampaigns;
        var own = user.OrganisationIds();
        return db.AssessmentCampaigns.Where(c => c.WorkingGroup.Any(m => own.Contains(m.OrganisationId)));
    }

    /// <summary>Whether the person belongs to an organisation of the campaign's working group: only they read household answers.</summary>
    public static Task<bool> InWorkingGroupAsync(PartneraDbContext db, ClaimsPrincipal user, Guid campaignId, CancellationToken ct)
    {
        var own = user.OrganisationIds();
        return db.WorkingGroupMembers.AnyAsync(m => m.CampaignId == campaignId && own.Contains(m.OrganisationId), ct);
    }

    /// <summary>Where a page only the working group opens sends someone else: the page saying it is about rights.</summary>
    public const string WorkingGroupOnly = "/Account/AccessDenied?reason=working-group";

    /// <summary>
    /// The answer to someone a working-group page refuses: those who see the campaign in their list (who run campaigns)
    /// are told it is about rights, not a wrong address; to everyone else, and when the person is in the working group
    /// but what they asked for is missing, it does not exist.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Mvc.IActionResult> RefusalAsync(PartneraDbContext db, ClaimsPrincipal user, Guid campaignId, CancellationToken ct) =>
        !await InWorkingGroupAsync(db, user, campaignId, ct) && await Visible(db, user).AnyAsync(c => c.Id == campaignId, ct)
            ? new Microsoft.AspNetCore.Mvc.RedirectResult(WorkingGroupOnly)
            : new Microsoft.AspNetCore.Mvc.NotFoundResult();

    public async Task<List<RuleError>> CheckAsync(CampaignInput input, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        if (input.PeriodStarts is { } from && input.PeriodEnds is { } to && to < from) errors.Add(new(nameof(input.PeriodEnds), "Campaign_DatesOrder"));
        if (input.CollectionStarts is { } start && input.CollectionEnds is { } end && end < start)
            errors.Add(new(nameof(input.CollectionEnds), "Campaign_DatesOrder"));
        var communities = input.CommunityIds.Distinct().ToList();
        if (communities.Count == 0) errors.Add(new(nameof(input.CommunityIds), "Campaign_CommunityRequired"));
        else if (await db.Territories.CountAsync(t => communities.Contains(t.Id) && t.Level == TerritoryLevel.Community, ct) != communities.Count)
            errors.Add(new(nameof(input.CommunityIds), "Campaign_CommunitiesOnly"));
        var members = input.WorkingGroupIds.Distinct().ToList();
        if (members.Count == 0) errors.Add(new(nameof(input.WorkingGroupIds), "Campaign_WorkingGroupRequired"));
        else if (await db.Organisations.CountAsync(o => members.Contains(o.Id), ct) != members.Count)
            errors.Add(new(nameof(input.WorkingGroupIds), "Campaign_UnknownOrganisation"));
        return errors;
    }

    public static void Apply(AssessmentCampaign c, CampaignInput input)
    {
        c.Title = Translations.ToText(input.Title!, input.TitleTranslations);
        c.PeriodStarts = input.PeriodStarts!.Value;
        c.PeriodEnds = input.PeriodEnds!.Value;
        c.CollectionStarts = input.CollectionStarts!.Value;
        c.CollectionEnds = input.CollectionEnds!.Value;
        c.Status = input.Status!.Value;
        c.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        var communities = input.CommunityIds.ToHashSet();
        c.Communities.RemoveAll(x => !communities.Contains(x.TerritoryId));
        foreach (var id in communities.Where(id => c.Communities.All(x => x.TerritoryId != id)))
            c.Communities.Add(new CampaignCommunity { CampaignId = c.Id, TerritoryId = id });
        var members = input.WorkingGroupIds.ToHashSet();
        c.WorkingGroup.RemoveAll(x => !members.Contains(x.OrganisationId));
        foreach (var id in members.Where(id => c.WorkingGroup.All(x => x.OrganisationId != id)))
            c.WorkingGroup.Add(new WorkingGroupMember { CampaignId = c.Id, OrganisationId = id });
    }
}
