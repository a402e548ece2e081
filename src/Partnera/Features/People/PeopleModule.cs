using Quartz;

namespace Partnera.Features.People;

/// <summary>People and households the organisations work with: registration, consent, and who may see them.</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<PersonAccess>()
        .AddScoped<PersonRegister>()
        .AddScoped<Referrals.ReferralFlow>()
        .AddScoped<Matching.DuplicateCheck>()
        .AddScoped<Matching.DuplicateScan>()
        .AddScoped<Matching.DuplicateReview>()
        .AddScoped<Imports.PeopleImport>()
        .AddScoped<Infrastructure.Imports.IExpiringUploads, Imports.ExpiredPeopleUploads>()
        .ConfigureAllQuartzSchedulers(q => Matching.DuplicateScanJob.Schedule(q, configuration));
}
