using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;

namespace Partnera.Features.Directory;

public static class DirectoryModule
{
    /// <summary>GET /api/v1/directory/find: the public finder as JSON (same filters and ranking as the page).</summary>
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/directory/find", async (Search.ServiceFinder finder, string? q, Guid? category, TargetGroup? group, Guid? territoryId,
                bool? open, bool? free, string? lang, int? page, int? size, CancellationToken ct) =>
            {
                var result = await finder.FindAsync(new Search.FinderQuery(q, category, group, territoryId, open == true, free == true, lang, page, size), ct);
                var culture = System.Globalization.CultureInfo.CurrentUICulture;
                return TypedResults.Ok(Infrastructure.Paging.PageDto<FinderResult>.From(result, h =>
                    new FinderResult(h.Id, h.Name.In(culture), h.Organisation.In(culture), h.OrganisationId, h.Status, h.FreeOfCharge, h.LastVerifiedAt)));
            })
            .WithTags("Directory").AllowAnonymous();
        return app;
    }

    public sealed record FinderResult(Guid Id, string Name, string Organisation, Guid OrganisationId, ServiceStatus Status, bool FreeOfCharge, DateTime? LastVerifiedAt);

    public static IServiceCollection AddDirectory(this IServiceCollection services) =>
        services.AddScoped<IReferenceData, ShippedTaxonomies>()
            .AddScoped<ServiceEditor>()
            .AddScoped<Hsds.HsdsExport>()
            .AddScoped<Hsds.HsdsImport>()
            .AddScoped<Search.ServiceSearchIndex>()
            .AddScoped<Search.ServiceFinder>();
}
