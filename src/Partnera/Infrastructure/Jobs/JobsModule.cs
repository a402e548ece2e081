using Partnera.Data;
using Quartz;

namespace Partnera.Infrastructure.Jobs;

/// <summary>
/// One scheduler for all scheduled and background work: Quartz.NET. On PostgreSQL its job store is the database and
/// the instances form a cluster, so each run of a job happens on exactly one instance and a job an instance died in
/// the middle of is taken over by another (jobs that ask for recovery run again); it keeps one history of runs for the
/// whole cluster. On SQLite (one server) it keeps its schedule and history in memory. Features add their jobs with <c>services.ConfigureAllQuartzSchedulers(q =&gt; q.ScheduleJob...)</c>.
/// </summary>
public static class JobsModule
{
    /// <summary>How often each instance tells the others it is alive; one silent for twice this is taken as dead.</summary>
    public static readonly TimeSpan CheckIn = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var provider = DatabaseOptions.Provider(builder.Configuration);
        var connection = DatabaseOptions.ConnectionString(builder.Configuration, provider);
        builder.Services.AddQuartz(q =>
        {
            // Each instance names itself (host and start), so the cluster and the history tell instances apart.
            q.ConfigureScheduler(s => { s.InstanceName = "Partnera"; s.GenerateInstanceId = true; });
            if (provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    // The scheduler makes its own tables (qrtz_*) when they are missing: they are its, not the app's model.
                    store.ProvisionSchema();
                    store.UseExecutionHistory();
                    store.UsePostgres(connection);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = CheckIn;
                        c.CheckinMisfireThreshold = CheckIn * 2;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        // What ran, when, where and how it ended: in the database on PostgreSQL (one history for the cluster), in memory on SQLite.
        // A job that runs every half minute (the mail outbox) must not push the nightly jobs out of the history.
        builder.Services.AddQuartzExecutionHistory(o => o.MaxEntriesPerJob = 200);
        // After the app has started: the migrations (the first hosted service) have made the scheduler's tables by then.
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return builder;
    }
}
