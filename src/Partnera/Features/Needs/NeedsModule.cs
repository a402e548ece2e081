namespace Partnera.Features.Needs;

/// <summary>Needs assessment: campaigns, questionnaires, answers (entered, online, imported), priority, gaps and costs.</summary>
public static class NeedsModule
{
    public static IServiceCollection AddNeeds(this IServiceCollection services) => services
        .AddScoped<CampaignEditor>()
        .AddScoped<Questionnaires.QuestionnaireBook>()
        .AddScoped<Imports.SurveyImport>()
        .AddScoped<Priority.PriorityRanking>()
        .AddScoped<Gaps.GapAnalysis>()
        .AddScoped<Gaps.ServiceCapacity>()
        .AddScoped<Costing.GapCosting>()
        .AddScoped<Reports.AssessmentReports>()
        .AddScoped<Registry.RegistryImport>()
        .AddScoped<Infrastructure.Imports.IExpiringUploads, Imports.ExpiredSurveyUploads>();
}
