namespace Partnera.Features.Needs;

/// <summary>Needs assessment: campaigns (and, as the capability grows, questionnaires, answers, gaps and costs).</summary>
public static class NeedsModule
{
    public static IServiceCollection AddNeeds(this IServiceCollection services) => services.AddScoped<CampaignEditor>().AddScoped<Priority.PriorityRanking>().AddScoped<Imports.SurveyImport>().AddScoped<Questionnaires.QuestionnaireBook>().AddScoped<Gaps.GapAnalysis>();
}
