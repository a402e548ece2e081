using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Planning;

/// <summary>Community planning: plans and strategies, their goals and measures, the costed gaps they close, their lifecycle and versions.</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services) => services
        .AddScoped<PlanCoverage>()
        .AddScoped<PlanLifecycle>()
        .AddScoped<Consultation.ConsultationBook>()
        .AddScoped<Consultation.ConsultationEmails>()
        .AddScoped<Budgeting.BallotBox>()
        .AddScoped<Budgeting.BudgetResults>()
        .AddScoped<Budgeting.BudgetEmails>();

    /// <summary>The signed approval decision of a plan, public like the decision itself.</summary>
    public static IEndpointRouteBuilder MapPlanningEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Planning/{id:guid}/decision", DecisionAsync).AllowAnonymous().ExcludeFromDescription();
        Budgeting.BudgetApi.MapBudgetApi(app);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DecisionAsync(Guid id, PartneraDbContext db, HttpContext http, CancellationToken ct)
    {
        var document = await db.CommunityPlans.Where(p => p.Id == id && p.DecisionDocumentId != null)
            .Join(db.Documents, p => p.DecisionDocumentId, d => d.Id, (p, d) => new { d.Content, d.ContentType, d.FileName }).FirstOrDefaultAsync(ct);
        if (document is null) return TypedResults.NotFound();
        // Served as a download in a sandbox: an uploaded file can never run script on our origin.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }
}
