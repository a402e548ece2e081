using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Hsds;

/// <summary>
/// The Open Referral HSDS 3.0 read API under /api/hsds, public like the directory itself. Paging follows the
/// HSDS OpenAPI (page from 1, per_page up to <see cref="MaxPerPage"/>); a page past the end is empty.
/// </summary>
public static class HsdsApi
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hsds").WithTags("HSDS 3.0").AllowAnonymous();
        api.MapGet("/", () => Json(new HsdsAbout("3.0", "https://openreferral.org/profiles/partnera", "/openapi/v1.json")));
        api.MapGet("/services", ListServicesAsync);
        api.MapGet("/services/{id:guid}", GetServiceAsync);
        api.MapGet("/organizations", ListOrganizationsAsync);
        api.MapGet("/organizations/{id:guid}", GetOrganizationAsync);
        api.MapGet("/taxonomies", ListTaxonomiesAsync);
        api.MapGet("/taxonomies/{id:guid}", GetTaxonomyAsync);
        api.MapGet("/taxonomy_terms", ListTermsAsync);
        api.MapGet("/taxonomy_terms/{id:guid}", GetTermAsync);
        api.MapGet("/service_at_locations", ListServiceAtLocationsAsync);
        api.MapGet("/service_at_locations/{id:guid}", GetServiceAtLocationAsync);
        api.MapGet("/export.json", (HsdsExport export, HttpContext http, CancellationToken ct) =>
            Download(http, "application/json", "partnera-hsds.json", body => export.WriteJsonAsync(body, ct)));
        api.MapGet("/export.zip", (HsdsExport export, HttpContext http, CancellationToken ct) =>
            Download(http, "application/zip", "partnera-hsds-tabular.zip", body => export.WritePackageAsync(body, ct)));
        return app;
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, HsdsJson.Options);

    // Streams straight to the response: the export never sits whole in memory.
    private static async Task Download(HttpContext http, string contentType, string fileName, Func<Stream, Task> write)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(http.Response.Body);
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<object>>, ProblemHttpResult>> ListServicesAsync(PartneraDbContext db,
        IStringLocalizer<DirectoryStrings> t, string? search, Guid? taxonomy_term_id, Guid? taxonomy_id, Guid? organization_id,
        DateTimeOffset? modified_after, bool? minimal, bool? full, int? page, int? per_page, CancellationToken ct)
    {
        if (Paging(page, per_page, t) is { } problem) return problem;
        var query = db.Services.AsNoTracking();
        foreach (var word in SearchKey.For(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            query = query.Where(s => s.SearchText.Contains(word));
        if (taxonomy_term_id is { } term) query = query.Where(s => s.Terms.Any(x => x.TaxonomyTermId == term));
        if (taxonomy_id is { } taxonomy) query = query.Where(s => s.Terms.Any(x => x.Term!.TaxonomyId == taxonomy));
        if (organization_id is { } organisation) query = query.Where(s => s.OrganisationId == organisation);
        if (modified_after is { } after) query = query.Where(s => s.LastModified >= after.UtcDateTime);
        query = query.OrderBy(s => s.Id);
        if (minimal == true)
            return Json(await PageAsync(query.Select(s => new HsdsMinimalService(s.Id, s.LastModified)), page, per_page, x => (object)x, ct));
        if (full == true)
        {
            var ids = await PageAsync(query.Select(s => s.Id), page, per_page, x => x, ct);
            var services = await HsdsQueries.FullServicesAsync(db, ids.Contents, ct);
            return Json(new HsdsPage<object>(ids.TotalItems, ids.TotalPages, ids.PageNumber, ids.Size, ids.FirstPage, ids.LastPage, ids.Empty,
                ids.Contents.Select(id => (object)services[id]).ToList()));
        }
        return Json(await PageAsync(query, page, per_page, s => (object)HsdsMapper.Summary(s), ct));
    }

    private static async Task<Results<JsonHttpResult<HsdsService>, NotFound>> GetServiceAsync(Guid id, PartneraDbContext db, CancellationToken ct) =>
        (await HsdsQueries.FullServicesAsync(db, [id], ct)).TryGetValue(id, out var service) ? Json(service) : TypedResults.NotFound();

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsOrganization>>, ProblemHttpResult>> ListOrganizationsAsync(PartneraDbContext db,
        IStringLocalizer<DirectoryStrings> t, string? search, int? page, int? per_page, CancellationToken ct)
    {
        if (Paging(page, per_page, t) is { } problem) return problem;
        var query = Organisations.OrganisationSearch.Query(db, search, null, null).OrderBy(o => o.Id);
        return Json(await PageAsync(query, page, per_page, o => HsdsMapper.Organization(o), ct));
    }

    private static async Task<Results<JsonHttpResult<HsdsOrganization>, NotFound>> GetOrganizationAsync(Guid id, PartneraDbContext db, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return TypedResults.NotFound();
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == id).OrderBy(s => s.Id).Take(1000).ToListAsync(ct);
        return Json(HsdsMapper.Organization(organisation, services.Select(HsdsMapper.Summary).ToList()));
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomy>>, ProblemHttpResult>> ListTaxonomiesAsync(PartneraDbContext db,
        IStringLocalizer<DirectoryStrings> t, int? page, int? per_page, CancellationToken ct)
    {
        if (Paging(page, per_page, t) is { } problem) return problem;
        return Json(await PageAsync(db.Taxonomies.AsNoTracking().OrderBy(x => x.Code), page, per_page, HsdsMapper.Taxonomy, ct));
    }

    private static async Task<Results<JsonHttpResult<HsdsTaxonomy>, NotFound>> GetTaxonomyAsync(Guid id, PartneraDbContext db, CancellationToken ct) =>
        await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } taxonomy ? Json(HsdsMapper.Taxonomy(taxonomy)) : TypedResults.NotFound();

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomyTerm>>, ProblemHttpResult>> ListTermsAsync(PartneraDbContext db,
        IStringLocalizer<DirectoryStrings> t, Guid? taxonomy_id, Guid? parent_id, bool? top_only, string? search, int? page, int? per_page,
        CancellationToken ct)
    {
        if (Paging(page, per_page, t) is { } problem) return problem;
        var query = db.TaxonomyTerms.AsNoTracking().Include(x => x.Taxonomy).AsQueryable();
        if (taxonomy_id is { } taxonomy) query = query.Where(x => x.TaxonomyId == taxonomy);
        if (parent_id is { } parent) query = query.Where(x => x.ParentId == parent);
        if (top_only == true) query = query.Where(x => x.ParentId == null);
        var key = SearchKey.For(search);
        if (key.Length > 0) query = query.Where(x => x.SearchText.Contains(key));
        return Json(await PageAsync(query.OrderBy(x => x.TaxonomyId).ThenBy(x => x.Order), page, per_page, HsdsMapper.Term, ct));
    }

    private static async Task<Results<JsonHttpResult<HsdsTaxonomyTerm>, NotFound>> GetTermAsync(Guid id, PartneraDbContext db, CancellationToken ct) =>
        await db.TaxonomyTerms.AsNoTracking().Include(x => x.Taxonomy).FirstOrDefaultAsync(x => x.Id == id, ct) is { } term
            ? Json(HsdsMapper.Term(term))
            : TypedResults.NotFound();

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsServiceAtLocation>>, ProblemHttpResult>> ListServiceAtLocationsAsync(
        PartneraDbContext db, IStringLocalizer<DirectoryStrings> t, Guid? organization_id, Guid? taxonomy_term_id, int? page, int? per_page,
        CancellationToken ct)
    {
        if (Paging(page, per_page, t) is { } problem) return problem;
        var query = db.ServiceAtLocations.AsNoTracking();
        if (organization_id is { } organisation) query = query.Where(x => x.Service!.OrganisationId == organisation);
        if (taxonomy_term_id is { } term) query = query.Where(x => x.Service!.Terms.Any(st => st.TaxonomyTermId == term));
        return Json(await PageAsync(query.OrderBy(x => x.Id), page, per_page, x => new HsdsServiceAtLocation(x.Id, x.ServiceId, x.LocationId, x.Description), ct));
    }

    private static async Task<Results<JsonHttpResult<HsdsServiceAtLocation>, NotFound>> GetServiceAtLocationAsync(Guid id, PartneraDbContext db,
        CancellationToken ct)
    {
        var item = await db.ServiceAtLocations.AsNoTracking()
            .Include(x => x.Service)
            .Include(x => x.Location).ThenInclude(l => l!.Addresses)
            .Include(x => x.Location).ThenInclude(l => l!.Accessibility)
            .Include(x => x.Location).ThenInclude(l => l!.Phones)
            .Include(x => x.Location).ThenInclude(l => l!.Schedules)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return item is null
            ? TypedResults.NotFound()
            : Json(new HsdsServiceAtLocation(item.Id, item.ServiceId, item.LocationId, item.Description, HsdsMapper.Location(item.Location!),
                HsdsMapper.Summary(item.Service!)));
    }

    /// <summary>Page numbers start at 1; a page size above the maximum is lowered to it; anything else below 1 is refused.</summary>
    private static ProblemHttpResult? Paging(int? page, int? perPage, IStringLocalizer<DirectoryStrings> t) =>
        page < 1 || perPage < 1
            ? TypedResults.Problem(detail: t["Hsds_BadPaging", MaxPerPage], statusCode: StatusCodes.Status400BadRequest)
            : null;

    private static async Task<HsdsPage<TOut>> PageAsync<TIn, TOut>(IQueryable<TIn> query, int? page, int? perPage, Func<TIn, TOut> map, CancellationToken ct)
    {
        var number = page ?? 1;
        var size = Math.Min(perPage ?? DefaultPerPage, MaxPerPage);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var pages = (total + size - 1) / size;
        return new HsdsPage<TOut>(total, pages, number, items.Count, number == 1, number >= pages, items.Count == 0, items.Select(map).ToList());
    }
}
