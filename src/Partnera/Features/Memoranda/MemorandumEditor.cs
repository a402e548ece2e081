using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Memoranda;

/// <summary>The rules of memoranda and their joint initiatives, and who may change them.</summary>
public sealed class MemorandumEditor(PartneraDbContext db)
{
    public sealed record RuleError(string Field, string Key);

    /// <summary>Administrators and authority specialists, and members of any party organisation.</summary>
    public static bool CanEdit(ClaimsPrincipal user, IEnumerable<Guid> partyIds) =>
        user.CanManageOrganisations() || partyIds.Any(user.IsMemberOf);

    public async Task<List<RuleError>> CheckAsync(MemorandumInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        var parties = input.PartyIds.Distinct().ToList();
        if (parties.Count < 2) errors.Add(new(nameof(input.PartyIds), "Memorandum_TwoParties"));
        else if (await db.Organisations.CountAsync(o => parties.Contains(o.Id), ct) != parties.Count)
            errors.Add(new(nameof(input.PartyIds), "Memorandum_UnknownParty"));
        else if (!CanEdit(user, parties)) errors.Add(new(nameof(input.PartyIds), "Memorandum_MustBeParty"));
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from) errors.Add(new(nameof(input.ValidTo), "Memorandum_DatesOrder"));
        if (input.Status is MemorandumStatus.Signed or MemorandumStatus.InForce or MemorandumStatus.Expired && input.SignedOn is null)
            errors.Add(new(nameof(input.SignedOn), "Memorandum_SignedOnRequired"));
        return errors;
    }

    public async Task<List<RuleError>> CheckAsync(InitiativeInput input, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        if (input.ResponsibleOrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new(nameof(input.ResponsibleOrganisationId), "Memorandum_UnknownParty"));
        if (input.StartsOn is { } from && input.EndsOn is { } to && to < from) errors.Add(new(nameof(input.EndsOn), "Memorandum_DatesOrder"));
        return errors;
    }

    public static void Apply(Memorandum m, MemorandumInput input)
    {
        m.Title = Translations.ToText(input.Title!, input.TitleTranslations);
        m.Number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        m.Kind = input.Kind!.Value;
        m.Status = input.Status!.Value;
        m.SignedOn = input.SignedOn;
        m.ValidFrom = input.ValidFrom;
        m.ValidTo = input.ValidTo;
        m.Scope = string.IsNullOrWhiteSpace(input.Scope) ? null : input.Scope.Trim();
        var parties = input.PartyIds.ToHashSet();
        m.Parties.RemoveAll(p => !parties.Contains(p.OrganisationId));
        foreach (var id in parties.Where(id => m.Parties.All(p => p.OrganisationId != id)))
            m.Parties.Add(new MemorandumParty { MemorandumId = m.Id, OrganisationId = id });
        m.RefreshSearchText();
    }

    public static void Apply(JointInitiative i, InitiativeInput input)
    {
        i.Title = Translations.ToText(input.Title!, input.TitleTranslations);
        i.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        i.ResponsibleOrganisationId = input.ResponsibleOrganisationId!.Value;
        i.StartsOn = input.StartsOn;
        i.EndsOn = input.EndsOn;
        i.Status = input.Status!.Value;
    }
}
