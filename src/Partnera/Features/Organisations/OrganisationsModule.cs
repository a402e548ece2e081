using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Localisation;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Organisations;

public static class OrganisationsModule
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services.AddScoped<OrganisationEditor>();

    /// <summary>/api/v1/organisations: read by anyone; created by administrators and authority specialists; changed also by members.</summary>
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organisations").WithTags("Organisations");
        api.MapGet("/", ListAsync).AllowAnonymous();
        api.MapGet("/{id:guid}", GetAsync).AllowAnonymous();
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.ManageOrganisations);
        api.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    public sealed record WorkingDayDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes, TimeOnly? BreakStarts, TimeOnly? BreakEnds);

    public sealed record OrganisationDto(Guid Id, string Name, Dictionary<string, string> NameTranslations, string? ShortName,
        OrganisationKind Kind, string? Description, Guid? TerritoryId, IReadOnlyList<Guid> ServedTerritoryIds, string? Address,
        string? PostalCode, string? ReceptionPhone, string? Hotline, string? Email, string? Website, IReadOnlyList<string> SocialLinks,
        IReadOnlyList<WorkingDayDto> WorkingHours);

    public sealed record OrganisationSummaryDto(Guid Id, string Name, Dictionary<string, string> NameTranslations, OrganisationKind Kind,
        Guid? TerritoryId, string? ReceptionPhone, string? Hotline);

    private static OrganisationDto ToDto(Organisation o) => new(o.Id, o.Name.Value, o.Name.Translations, o.ShortName, o.Kind, o.Description,
        o.TerritoryId, o.ServedTerritories.Select(t => t.TerritoryId).ToList(), o.Address, o.PostalCode, o.ReceptionPhone, o.Hotline,
        o.Email, o.Website, o.SocialLinks,
        o.WorkingHours.OrderBy(d => d.Day).Select(d => new WorkingDayDto(d.Day, d.Opens, d.Closes, d.BreakStarts, d.BreakEnds)).ToList());

    private static async Task<Ok<PageDto<OrganisationSummaryDto>>> ListAsync(PartneraDbContext db, Territories.TerritoryTree tree, string? q,
        OrganisationKind? kind, Guid? territoryId, int? page, int? size, CancellationToken ct)
    {
        var territory = territoryId is { } id ? await tree.ScopeAsync(id, ct) : null;
        var result = await OrganisationSearch.Query(db, q, kind, territory)
            .OrderBy(o => o.Name.Value).ThenBy(o => o.Id)
            .Select(o => new OrganisationSummaryDto(o.Id, o.Name.Value, o.Name.Translations, o.Kind, o.TerritoryId, o.ReceptionPhone, o.Hotline))
            .ToPageAsync(page, size, ct);
        return TypedResults.Ok(PageDto<OrganisationSummaryDto>.From(result, x => x));
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> GetAsync(PartneraDbContext db, Guid id, CancellationToken ct) =>
        await Load(db, id, tracked: false, ct) is { } o ? TypedResults.Ok(ToDto(o)) : TypedResults.NotFound();

    private static async Task<Results<Created<OrganisationDto>, ValidationProblem>> CreateAsync(OrganisationInput input, PartneraDbContext db,
        OrganisationEditor editor, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, editor, localizers, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var organisation = new Organisation();
        OrganisationEditor.Apply(organisation, input);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", ToDto(organisation));
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound, ForbidHttpResult, ValidationProblem>> UpdateAsync(Guid id,
        OrganisationInput input, HttpContext http, PartneraDbContext db, OrganisationEditor editor, IStringLocalizerFactory localizers,
        CancellationToken ct)
    {
        var organisation = await Load(db, id, tracked: true, ct);
        if (organisation is null) return TypedResults.NotFound();
        if (!OrganisationAccess.CanEdit(http.User, id)) return TypedResults.Forbid();
        var errors = await ValidateAsync(input, editor, localizers, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        OrganisationEditor.Apply(organisation, input);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(organisation));
    }

    private static Task<Organisation?> Load(PartneraDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.Organisations.Include(o => o.ServedTerritories).Include(o => o.WorkingHours).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, ct);
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(OrganisationInput input, OrganisationEditor editor,
        IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var errors = ApiValidation.Validate(input, localizers);
        var messages = FeatureStringsLocalizer.For(typeof(OrganisationInput), localizers);
        foreach (var error in await editor.CheckAsync(input, ct)) errors.Add(error.Field, messages[error.Key]);
        return errors;
    }
}
