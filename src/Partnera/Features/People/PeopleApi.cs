using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.People.Referrals;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>
/// /api/v1/people and /api/v1/referrals: the same access rules and audit as the pages (a person not visible is "not
/// found"); a referral moves on as on its page.
/// </summary>
public static class PeopleApi
{
    public sealed record PersonDto(Guid Id, string FamilyName, string GivenName, string? Patronymic, string? LatinName, DateOnly? BirthDate, Sex? Sex,
        string? Phone, string? Email, string? Address, HouseholdRelation? Relation, IReadOnlyList<string> Documents, IReadOnlyList<string> Groups, bool SharedOnly);

    public sealed record MoveRequest(ReferralStatus To, string? Note);

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(Policies.Staff);
        people.MapGet("/{id:guid}", GetAsync);
        people.MapGet("/{id:guid}/export", ExportAsync);
        app.MapPost("/api/v1/referrals/{id:guid}/moves", MoveAsync).WithTags("People").RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Ok<PersonDto>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, PersonAccess access, CancellationToken ct) =>
        await access.OpenAsync(user, id, AuditAction.Viewed, ct) is { } p
            ? TypedResults.Ok(new PersonDto(p.Id, p.FamilyName, p.GivenName, p.Patronymic, p.LatinName, p.BirthDate, p.Sex, p.Phone, p.Email, p.Address, p.Relation,
                p.Documents.Select(d => $"{d.Kind}: {d.Masked}").ToList(), p.Categories.Where(c => c.Until is null).Select(c => c.Group.ToString()).ToList(), p.SharedOnly is not null))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PersonExportDto>, NotFound>> ExportAsync(Guid id, ClaimsPrincipal user, PersonAccess access, PartneraDbContext db, CancellationToken ct) =>
        await access.OpenHeldAsync(user, id, AuditAction.Exported, ct) is { } p ? TypedResults.Ok(await PersonExportDto.OfAsync(db, p, ct)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> MoveAsync(Guid id, MoveRequest move, ClaimsPrincipal user, ReferralFlow flow,
        IStringLocalizer<PeopleStrings> t, CancellationToken ct) =>
        await flow.MoveAsync(user, id, move.To, move.Note, ct) switch
        {
            null => TypedResults.NoContent(),
            "Referral_NotFound" => TypedResults.NotFound(),
            var key when key is "Referral_ReasonRequired" or "Referral_OutcomeRequired" or "Referral_NoteTooLong" =>
                TypedResults.Problem(detail: t[key, ReferralFlow.NoteLength], statusCode: StatusCodes.Status400BadRequest),
            var key => TypedResults.Problem(detail: t[key], statusCode: StatusCodes.Status409Conflict),
        };
}
