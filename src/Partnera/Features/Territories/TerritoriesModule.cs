using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Territories;

public static class TerritoriesModule
{
    public static IServiceCollection AddTerritories(this IServiceCollection services) =>
        services.AddScoped<TerritoryEditor>().AddScoped<TerritoryImporter>().AddScoped<TerritoryTree>().AddScoped<TerritoryTreeInvalidator>().AddMemoryCache();

    /// <summary>/api/v1/territories: read by anyone, written by administrators.</summary>
    public static IEndpointRouteBuilder MapTerritoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/territories").WithTags("Territories");
        api.MapGet("/", ListAsync).AllowAnonymous();
        api.MapGet("/{id:guid}", GetAsync).AllowAnonymous();
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Administrator);
        api.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Administrator);
        return app;
    }

    public sealed record TerritoryDto(Guid Id, Guid? ParentId, TerritoryLevel Level, string Name, Dictionary<string, string> NameTranslations,
        string? Code, string? CodeSystem, int? Population, bool PopulationIsEstimate, string TimeZone);

    private static TerritoryDto ToDto(Territory t) =>
        new(t.Id, t.ParentId, t.Level, t.Name.Value, t.Name.Translations, t.Code, t.CodeSystem, t.Population, t.PopulationIsEstimate, t.TimeZone);

    private static async Task<Ok<PageDto<TerritoryDto>>> ListAsync(PartneraDbContext db, Guid? parentId, TerritoryLevel? level, string? q,
        int? page, int? size, CancellationToken ct)
    {
        var query = db.Territories.AsNoTracking();
        var key = SearchKey.For(q);
        if (key.Length > 0) query = query.Where(t => t.SearchText.Contains(key));
        if (parentId is not null) query = query.Where(t => t.ParentId == parentId);
        if (level is not null) query = query.Where(t => t.Level == level);
        var result = await query.OrderBy(t => t.Level).ThenBy(t => t.Name.Value).ThenBy(t => t.Id).ToPageAsync(page, size, ct);
        return TypedResults.Ok(PageDto<TerritoryDto>.From(result, ToDto));
    }

    private static async Task<Results<Ok<TerritoryDto>, NotFound>> GetAsync(PartneraDbContext db, Guid id, CancellationToken ct) =>
        await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } territory
            ? TypedResults.Ok(ToDto(territory))
            : TypedResults.NotFound();

    private static async Task<Results<Created<TerritoryDto>, ValidationProblem>> CreateAsync(TerritoryInput input, PartneraDbContext db,
        TerritoryEditor editor, IStringLocalizerFactory localizers, IStringLocalizer<TerritoryStrings> t, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, editor, localizers, t, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var territory = new Territory();
        TerritoryEditor.Apply(territory, input);
        db.Territories.Add(territory);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/territories/{territory.Id}", ToDto(territory));
    }

    private static async Task<Results<Ok<TerritoryDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, TerritoryInput input, PartneraDbContext db,
        TerritoryEditor editor, IStringLocalizerFactory localizers, IStringLocalizer<TerritoryStrings> t, CancellationToken ct)
    {
        var territory = await db.Territories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (territory is null) return TypedResults.NotFound();
        var errors = await ValidateAsync(input, id, editor, localizers, t, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        TerritoryEditor.Apply(territory, input);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(territory));
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(TerritoryInput input, Guid? id, TerritoryEditor editor,
        IStringLocalizerFactory localizers, IStringLocalizer<TerritoryStrings> t, CancellationToken ct)
    {
        var errors = ApiValidation.Validate(input, localizers);
        foreach (var error in await editor.CheckAsync(input, id, ct)) errors.Add(error.Field, t[error.Key]);
        return errors;
    }
}
