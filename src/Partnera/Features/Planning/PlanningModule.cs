using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Documents;

namespace Partnera.Features.Planning;

/// <summary>Community planning: plans and strategies, their goals and measures, the costed gaps they close, their lifecycle and versions.</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services) => services
        .AddScoped<PlanCoverage>()
        .AddScoped<PlanLifecycle>()
        .AddScoped<Consultation.ConsultationBook>()
        .AddScoped<Consultation.ConsultationEmails>()
        .AddSingleton(s => Budgeting.BallotKeyring.From(s.GetRequiredService<IConfiguration>(), s.GetRequiredService<IHostEnvironment>()))
        .AddScoped<Budgeting.BallotBox>()
        .AddScoped<Budgeting.BudgetResults>()
        .AddScoped<Budgeting.BudgetEmails>();

    /// <summary>The signed approval decision of a plan and the evidence of its progress reports, public like the plan; the budget API.</summary>
    public static IEndpointRouteBuilder MapPlanningEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Planning/{id:guid}/decision", DecisionAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/Planning/{id:guid}/evidence/{report:guid}", EvidenceAsync).AllowAnonymous().ExcludeFromDescription();
        Budgeting.BudgetApi.MapBudgetApi(app);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DecisionAsync(Guid id, PartneraDbContext db, HttpContext http, CancellationToken ct) =>
        await ServeAsync(db.CommunityPlans.Where(p => p.Id == id).Select(p => p.DecisionDocumentId), db, http, ct);

    /// <summary>The evidence of a progress report, public like the report (plans in draft have none).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> EvidenceAsync(Guid id, Guid report, PartneraDbContext db, HttpContext http, CancellationToken ct) =>
        await ServeAsync(db.MeasureProgress.Where(r => r.Id == report && r.PlanId == id)
            .Join(db.CommunityPlans.Where(p => p.Status != PlanStatus.Draft), r => r.PlanId, p => p.Id, (r, _) => r.EvidenceDocumentId), db, http, ct);

    private static async Task<Results<FileContentHttpResult, NotFound>> ServeAsync(IQueryable<Guid?> documentId, PartneraDbContext db, HttpContext http, CancellationToken ct)
    {
        var document = await db.Documents.Where(d => documentId.Contains(d.Id)).Select(d => new { d.Content, d.ContentType, d.FileName }).FirstOrDefaultAsync(ct);
        if (document is null) return TypedResults.NotFound();
        return DocumentDownload.Serve(http, document.Content, document.ContentType, document.FileName);
    }
}
