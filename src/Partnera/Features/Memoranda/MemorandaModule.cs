using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Documents;

namespace Partnera.Features.Memoranda;

public static class MemorandaModule
{
    public static IServiceCollection AddMemoranda(this IServiceCollection services) => services.AddScoped<MemorandumEditor>();

    /// <summary>The signed document of a memorandum, public like the memorandum itself.</summary>
    public static IEndpointRouteBuilder MapMemorandaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Memoranda/{id:guid}/document", DocumentAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DocumentAsync(Guid id, PartneraDbContext db, HttpContext http, CancellationToken ct)
    {
        var document = await db.Memoranda.Where(m => m.Id == id && m.Document != null)
            .Select(m => new { m.Document!.Content, m.Document.ContentType, m.Document.FileName }).FirstOrDefaultAsync(ct);
        if (document is null) return TypedResults.NotFound();
        return DocumentDownload.Serve(http, document.Content, document.ContentType, document.FileName);
    }
}
