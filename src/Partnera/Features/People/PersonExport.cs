using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.People.Referrals;

namespace Partnera.Features.People;

/// <summary>Everything held about a person, as the person may ask for it: the record, consents, involvements and referrals with their steps and messages.</summary>
public sealed record PersonExportDto(
    Guid Id, string FamilyName, string GivenName, string? Patronymic, string? LatinName, DateOnly? BirthDate, Sex? Sex, string? Phone, string? Email,
    string? Address, HouseholdRelation? Relation, DateTime RegisteredAt, DateTime? ErasedAt,
    IReadOnlyList<PersonExportDto.CategoryDto> Categories, IReadOnlyList<PersonExportDto.DocumentDto> Documents, IReadOnlyList<PersonExportDto.ConsentDto> Consents,
    IReadOnlyList<PersonExportDto.InvolvementDto> Organisations, IReadOnlyList<PersonExportDto.ReferralDto> Referrals)
{
    public sealed record CategoryDto(string Group, DateOnly From, DateOnly? Until);
    public sealed record DocumentDto(string Kind, string Number);
    public sealed record ConsentDto(string Organisation, string Purpose, DateOnly GivenOn, DateOnly? WithdrawnOn);
    public sealed record InvolvementDto(string Organisation, string Kind, DateTime Since);
    public sealed record ReferralDto(string From, string To, string Service, string Reason, string Urgency, string Status, DateTime SentAt, string? DeclineReason, string? Outcome,
        IReadOnlyList<StepDto> Steps, IReadOnlyList<MessageDto> Messages);
    public sealed record StepDto(string Status, DateTime At, string Organisation, string? Note);
    public sealed record MessageDto(DateTime At, string Organisation, string Text);

    public static async Task<PersonExportDto> OfAsync(PartneraDbContext db, Person p, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking()
            .Where(o => db.PersonInvolvements.Any(i => i.PersonId == p.Id && i.OrganisationId == o.Id) || db.Consents.Any(c => c.PersonId == p.Id && c.OrganisationId == o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name.Value, ct);
        string Name(Guid id) => names.GetValueOrDefault(id, "");
        var involvements = await db.PersonInvolvements.AsNoTracking().Where(i => i.PersonId == p.Id).OrderBy(i => i.Since).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == p.Id).OrderBy(r => r.SentAt)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, Service = s.Name.Value }).ToListAsync(ct);
        var ids = referrals.Select(x => x.r.Id).ToList();
        var steps = (await db.ReferralSteps.AsNoTracking().Where(s => ids.Contains(s.ReferralId)).OrderBy(s => s.At).ToListAsync(ct)).ToLookup(s => s.ReferralId);
        var messages = (await db.ReferralMessages.AsNoTracking().Where(m => ids.Contains(m.ReferralId)).OrderBy(m => m.At).ToListAsync(ct)).ToLookup(m => m.ReferralId);
        return new PersonExportDto(p.Id, p.FamilyName, p.GivenName, p.Patronymic, p.LatinName, p.BirthDate, p.Sex, p.Phone, p.Email, p.Address, p.Relation, p.RegisteredAt, p.ErasedAt,
            p.Categories.Select(c => new CategoryDto(c.Group.ToString(), c.From, c.Until)).ToList(),
            p.Documents.Select(d => new DocumentDto(d.Kind.ToString(), d.Number)).ToList(),
            p.Consents.Select(c => new ConsentDto(Name(c.OrganisationId), c.Purpose, c.GivenOn, c.WithdrawnOn)).ToList(),
            involvements.Select(i => new InvolvementDto(Name(i.OrganisationId), i.Kind.ToString(), i.Since)).ToList(),
            referrals.Select(x => new ReferralDto(Name(x.r.FromOrganisationId), Name(x.r.ToOrganisationId), x.Service, x.r.Reason, x.r.Urgency.ToString(), x.r.Status.ToString(),
                x.r.SentAt, x.r.DeclineReason, x.r.Outcome,
                steps[x.r.Id].Select(s => new StepDto(s.Status.ToString(), s.At, Name(s.OrganisationId), s.Note)).ToList(),
                messages[x.r.Id].Select(m => new MessageDto(m.At, Name(m.OrganisationId), m.Text)).ToList())).ToList());
    }
}
