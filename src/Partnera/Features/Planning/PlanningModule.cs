namespace Partnera.Features.Planning;

/// <summary>Community planning: plans and strategies, their goals and measures, and the costed gaps they close.</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services) => services
        .AddScoped<PlanCoverage>();
}
