using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Features.Accounts;
using Quartz;
using Quartz.Extensibility;

namespace Partnera.Features.Operations;

/// <summary>One job as an administrator sees it: when it last ran and how that ended, when it runs next.</summary>
public sealed record JobLine(string Name, DateTimeOffset? LastRun, DateTimeOffset? NextRun, JobRunStatus? Status);

/// <summary>
/// Administrators see every scheduled and background job of the cluster: when each last ran, on which instance, whether
/// it failed and why, and when it runs next; they can start one now. The failures of the last runs are listed below,
/// and the e-mails the outbox still holds, with those a failing mail server holds back.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class JobsModel(ISchedulerFactory schedulers, IExecutionHistoryStore history, Data.PartneraDbContext db) : PageModel
{
    public const int RecentFailures = 20;
    public const int StuckShown = 20;

    /// <summary>E-mails not sent yet, and the ones a failure holds back (oldest first).</summary>
    public int MailWaiting { get; private set; }
    public List<Infrastructure.Email.OutboxMessage> MailStuck { get; private set; } = [];

    public List<JobLine> Jobs { get; private set; } = [];
    public List<ExecutionHistoryEntry> Failures { get; private set; } = [];
    [TempData] public string? Started { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var triggers = await scheduler.GetTriggersOfJob(key, ct);
            Jobs.Add(new JobLine(key.Name,
                triggers.Select(t => t.PreviousFireTimeUtc).Max(),
                triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                await history.GetJobRunStatus(scheduler.SchedulerName, key, ct)));
        }
        var page = await history.QueryExecutions(new ExecutionHistoryQuery { SchedulerName = scheduler.SchedulerName, FailedFinally = true, Take = RecentFailures }, ct);
        Failures = page.Items.ToList();
        MailWaiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null, ct);
        MailStuck = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Attempts > 0).OrderBy(m => m.CreatedAt).Take(StuckShown)
            .Select(m => new Infrastructure.Email.OutboxMessage { Id = m.Id, To = m.To, Subject = m.Subject, CreatedAt = m.CreatedAt, Attempts = m.Attempts, LastError = m.LastError, NextAttemptAt = m.NextAttemptAt })
            .ToListAsync(ct);
    }

    /// <summary>Starts a job now, on whichever instance takes it first.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(job)) return NotFound();
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(job);
        if (!await scheduler.Exists(key, ct)) return NotFound();
        await scheduler.TriggerJob(key, ct);
        Started = job;
        return RedirectToPage();
    }
}
