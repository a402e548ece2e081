using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.People.Imports;
using Partnera.Infrastructure.Imports;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;
using Quartz;

namespace Partnera.Tests.Platform;

public sealed class JobTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_sees_the_jobs_and_runs_the_upload_clean_up_which_deletes_only_stale_uploads(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (stale, fresh) = await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.Select(o => o.Id).FirstAsync();
            PeopleUpload Upload(TimeSpan age) => new() { OrganisationId = organisation, FileName = "list.csv", Content = [1], UploadedAt = DateTime.UtcNow - age, UploadedBy = "test" };
            var (old, recent) = (Upload(TimeSpan.FromDays(2)), Upload(TimeSpan.FromMinutes(5)));
            db.PeopleUploads.AddRange(old, recent);
            await db.SaveChangesAsync();
            return (old.Id, recent.Id);
        });
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var page = await admin.GetPageAsync("/Operations/Jobs");
        Assert.Contains("Deleting stale uploads", page.QuerySelector("tr[data-job=ExpiredUploads]")!.TextContent, StringComparison.Ordinal);
        // The nightly scan is switched off in tests: it is listed, to be run when asked.
        Assert.Equal("When asked", page.QuerySelector("tr[data-job=DuplicateScan] .next-run")!.TextContent.Trim());

        var started = await admin.SubmitAsync("/Operations/Jobs", new Dictionary<string, string[]>(), "tr[data-job=ExpiredUploads] form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, started.StatusCode);
        await Waiting.UntilAsync(async () => !await app.WithDbAsync(db => db.PeopleUploads.AnyAsync(u => u.Id == stale)));
        Assert.True(await app.WithDbAsync(db => db.PeopleUploads.AnyAsync(u => u.Id == fresh)));
        await Waiting.UntilAsync(async () => (await admin.GetPageAsync("/Operations/Jobs")).QuerySelector("tr[data-job=ExpiredUploads] .result")!.TextContent.Contains("Done", StringComparison.Ordinal));
        Assert.NotNull((await admin.GetPageAsync("/Operations/Jobs")).QuerySelector("#no-failures"));
        // A job with no name, or one that does not exist, is not found (not a server error).
        foreach (var name in new[] { "", "NoSuchJob" })
        {
            var missing = await admin.SubmitAsync("/Operations/Jobs", new Dictionary<string, string[]> { ["job"] = [name] }, "tr[data-job=ExpiredUploads] form");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }
        Assert.Contains("Sending e-mail", (await admin.GetPageAsync("/Operations/Jobs")).QuerySelector("tr[data-job=MailOutbox]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_administrators_open_the_jobs_page_or_start_a_job(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var organisation = await app.WithDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var (staff, _, _) = await app.NewStaffAsync(organisation, Partnera.Features.Accounts.Role.ProviderStaff);
        var refused = await staff.GetAsync("/Operations/Jobs");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var posted = await staff.PostAsync("/Operations/Jobs?handler=Run", new FormUrlEncodedContent([new("job", ExpiredUploadsJob.Key.Name)]));
        Assert.Contains("/Account/AccessDenied", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var anonymous = await app.Browser().GetAsync("/Operations/Jobs");
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Counts the runs of each test's job, wherever they run.</summary>
    public sealed class CountingJob : IJob
    {
        public static readonly ConcurrentDictionary<string, int> Runs = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Runs.AddOrUpdate(context.JobDetail.Key.Name, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task On_PostgreSQL_two_instances_run_each_firing_of_a_job_once()
    {
        var database = await apps.NewDatabaseAsync(DatabaseProvider.Postgres);
        await using var first = new PartneraApp(DatabaseProvider.Postgres, database);
        await using var second = new PartneraApp(DatabaseProvider.Postgres, database);
        _ = first.Server;
        _ = second.Server;
        var name = "counting-" + Guid.NewGuid().ToString("N")[..8];
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<CountingJob>().WithIdentity(name).Build();
        // Six firings a third of a second apart, both instances polling the same store.
        var trigger = TriggerBuilder.Create().WithIdentity(name).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(300)).WithRepeatCount(5)).Build();
        await scheduler.ScheduleJob(job, trigger);
        await Waiting.UntilAsync(() => Task.FromResult(CountingJob.Runs.GetValueOrDefault(name) >= 6));
        // Time for a second instance's duplicate run to show, if there were one.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(6, CountingJob.Runs[name]);
    }
}
