using Quartz;

namespace Partnera.Infrastructure.Imports;

/// <summary>Uploads a feature keeps between the steps of an import (mapping the columns, checking, importing), to be deleted once stale.</summary>
public interface IExpiringUploads
{
    /// <summary>Deletes the uploads older than they are kept for; returns how many.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken ct);
}

/// <summary>
/// Every hour deletes the uploads no one finished importing (they can hold people's names): one job for every
/// feature's uploads, instead of each upload deleting the others' stale ones on the way in.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExpiredUploadsJob(IEnumerable<IExpiringUploads> uploads, ILogger<ExpiredUploadsJob> logger) : IJob
{
    public static readonly JobKey Key = new("ExpiredUploads");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var kind in uploads) deleted += await kind.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} stale uploads", deleted);
    }

    public static void Schedule(IQuartzBuilder q) =>
        q.ScheduleJob<ExpiredUploadsJob>(t => t.WithIdentity(Key.Name).StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            j => j.WithIdentity(Key));
}
