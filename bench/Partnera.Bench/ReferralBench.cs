using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Referrals;
using Partnera.Infrastructure.Text;

namespace Partnera.Bench;

/// <summary>
/// Referral state changes through the app on PostgreSQL with the audit log on: 20,000 referrals (plus 3,000 for the
/// warm-up), each moved accepted → in service → completed by the receiving centre and closed by the sending NGO through
/// POST /api/v1/referrals/{id}/moves, 32 at a time; afterwards every referral must be closed with its five steps.
/// </summary>
public sealed class ReferralBench(Func<PartneraDbContext> newContext, string connection, string contentRoot)
{
    public const int Referrals = 20_000;
    private const int WarmUp = 3_000;
    private const int Concurrency = 32;
    private static readonly (ReferralStatus To, bool Sender, string? Note)[] Chain =
        [(ReferralStatus.Accepted, false, null), (ReferralStatus.InService, false, null), (ReferralStatus.Completed, false, "Service delivered"), (ReferralStatus.Closed, true, null)];

    public async Task<object> RunAsync()
    {
        var (ids, ngo, centre, users) = await SetUpAsync(Referrals + WarmUp);
        await using var app = await AppProcess.StartAsync("Postgres", connection, contentRoot);
        var tokens = BearerTokens.For(connection, [BearerTokens.Staff(users.Sender, "sender@referral.bench", ngo, Role.ProviderStaff),
            BearerTokens.Staff(users.Receiver, "receiver@referral.bench", centre, Role.ProviderStaff)]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 2 }) { BaseAddress = new Uri(app.BaseUrl) };
        async Task<bool> Walk(Guid referral)
        {
            foreach (var (to, sender, note) in Chain)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/referrals/{referral}/moves") { Content = JsonContent.Create(new { to = to.ToString(), note }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[sender ? 0 : 1]);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NoContent) return false;
            }
            return true;
        }
        var load = await Load.RunAsync("referral walked through 4 state changes (API, audit on)", Referrals, Concurrency, i => Walk(ids[WarmUp + i]), app.Pid,
            warmUp: async i =>
            {
                if (i < WarmUp) return await Walk(ids[i]);
                await Task.Delay(100); // warm-up referrals used up: wait out the warm-up time
                return true;
            });
        await using var db = newContext();
        var measured = ids.Skip(WarmUp).ToList();
        var closed = await db.Referrals.CountAsync(r => measured.Contains(r.Id) && r.Status == ReferralStatus.Closed);
        var steps = await db.ReferralSteps.CountAsync(s => measured.Contains(s.ReferralId));
        var audited = await db.AuditLog.CountAsync(e => e.EntityType == nameof(Referral) && e.Action == Partnera.Infrastructure.Auditing.AuditAction.Updated);
        return new
        {
            Load = load,
            StateChangesPerSecond = Math.Round(load.RequestsPerSecond * Chain.Length, 1),
            ClosedReferrals = closed,
            StepsStored = steps,
            AuditEntriesOfMoves = audited,
        };
    }

    /// <summary>An NGO, a centre with a home-care service, and the referrals between them (one person each), as sent.</summary>
    private async Task<(List<Guid> Ids, Guid Ngo, Guid Centre, (Guid Sender, Guid Receiver) Users)> SetUpAsync(int count)
    {
        await using var db = newContext();
        var ngo = new Organisation { Name = new MultilingualText("BENCH referring NGO"), Kind = OrganisationKind.Ngo };
        var centre = new Organisation { Name = new MultilingualText("BENCH territorial centre"), Kind = OrganisationKind.StateServiceProvider };
        var service = new Service { OrganisationId = centre.Id, Name = new MultilingualText("BENCH home care"), LastModified = DateTime.UtcNow };
        var sender = new PartneraUser { UserName = $"sender-{ngo.Id:N}@referral.bench", Email = $"sender-{ngo.Id:N}@referral.bench", EmailConfirmed = true, DisplayName = "Sender", SecurityStamp = Guid.NewGuid().ToString() };
        var receiver = new PartneraUser { UserName = $"receiver-{ngo.Id:N}@referral.bench", Email = $"receiver-{ngo.Id:N}@referral.bench", EmailConfirmed = true, DisplayName = "Receiver", SecurityStamp = Guid.NewGuid().ToString() };
        db.Organisations.AddRange(ngo, centre);
        db.Services.Add(service);
        db.Users.AddRange(sender, receiver);
        db.Memberships.AddRange(new Membership { UserId = sender.Id, OrganisationId = ngo.Id, Role = Role.ProviderStaff }, new Membership { UserId = receiver.Id, OrganisationId = centre.Id, Role = Role.ProviderStaff });
        await db.SaveChangesAsync();
        var ids = new List<Guid>(count);
        var now = DateTime.UtcNow;
        for (var batch = 0; batch < count; batch += 2_000)
        {
            await using var write = newContext();
            write.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < Math.Min(count, batch + 2_000); i++)
            {
                var person = new Person { FamilyName = $"Bench{i}", GivenName = "Person", RegisteredById = ngo.Id, RegisteredAt = now };
                var referral = new Referral
                {
                    PersonId = person.Id,
                    FromOrganisationId = ngo.Id,
                    ToOrganisationId = centre.Id,
                    ServiceId = service.Id,
                    Reason = "Generated",
                    Urgency = Urgency.Routine,
                    Status = ReferralStatus.Sent,
                    SentAt = now,
                    AnswerDue = now.AddDays(3),
                    UpdatedAt = now,
                };
                write.People.Add(person);
                write.PersonInvolvements.AddRange(new PersonInvolvement { PersonId = person.Id, OrganisationId = ngo.Id, Kind = Involvement.Registered, Since = now },
                    new PersonInvolvement { PersonId = person.Id, OrganisationId = centre.Id, Kind = Involvement.ReferralReceived, Since = now });
                write.Referrals.Add(referral);
                write.ReferralSteps.Add(new ReferralStep { ReferralId = referral.Id, Status = ReferralStatus.Sent, At = now, OrganisationId = ngo.Id });
                ids.Add(referral.Id);
            }
            await write.SaveChangesAsync();
        }
        return (ids, ngo.Id, centre.Id, (sender.Id, receiver.Id));
    }
}
