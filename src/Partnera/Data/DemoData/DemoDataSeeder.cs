using Microsoft.EntityFrameworkCore;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;

namespace Partnera.Data.DemoData;

/// <summary>
/// Fills an empty database with the places, organisations, memoranda and figures of the seed texts
/// (shared/seeds) and one demo account per role. Runs only when DemoData:Seed is true and never in
/// Production; does nothing when territories already exist.
/// </summary>
public sealed class DemoDataSeeder(PartneraDbContext db, Microsoft.AspNetCore.Identity.UserManager<PartneraUser> users, TimeProvider time,
    Features.Directory.Search.ServiceSearchIndex searchIndex, ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo account (listed in the README; demo data never exists in Production).</summary>
    public const string DemoPassword = "Demo-Bakhmut-Orhei-2026";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Territories.AnyAsync(ct)) return;
        var territories = new DemoTerritories();
        db.Territories.AddRange(territories.All);
        var organisations = new DemoOrganisations(territories);
        db.Organisations.AddRange(organisations.All);
        db.Memoranda.AddRange(DemoMemoranda.Create(organisations));
        var campaigns = new DemoCampaigns(territories, organisations, time.GetUtcNow().UtcDateTime);
        db.AssessmentCampaigns.AddRange(campaigns.Campaigns);
        db.Questionnaires.AddRange(campaigns.Questionnaires);
        db.HouseholdResponses.AddRange(campaigns.Households);
        db.RegistryCounts.AddRange(campaigns.RegistryCounts);
        db.CommunityPlans.Add(DemoPlans.Cahul(territories, organisations, time.GetUtcNow().Year));
        var consulted = DemoPlans.Bakhmut(territories, organisations, time.GetUtcNow().Year);
        db.CommunityPlans.Add(consulted);
        var (people, involvements) = DemoPeople.Create(organisations, territories, time.GetUtcNow().UtcDateTime);
        db.People.AddRange(people);
        db.PersonInvolvements.AddRange(involvements);
        var (locations, services) = DemoServices.Create(organisations, territories, time.GetUtcNow().UtcDateTime);
        db.Locations.AddRange(locations);
        db.Services.AddRange(services);
        await db.SaveChangesAsync(ct);
        await searchIndex.RefreshAsync(services.Select(s => s.Id).ToList(), ct);
        db.PlanVersions.Add(new Features.Planning.PlanVersion
        {
            PlanId = consulted.Id,
            Number = 1,
            PublishedAs = Features.Planning.PlanStatus.Consultation,
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedBy = "demo",
            Snapshot = (await Features.Planning.PlanSnapshot.OfAsync(db, consulted.Id, ct)).ToJson(),
        });
        await db.SaveChangesAsync(ct);
        await DemoAccounts.CreateAsync(users, db, organisations, ct);
        var resident = await db.Users.Where(u => u.Email == "resident@partnera.demo").Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var (vote, projects) = DemoBudgets.Bakhmut(territories, organisations, resident.Id, resident.DisplayName, time.GetUtcNow().UtcDateTime);
        db.BudgetVotes.Add(vote);
        db.BudgetProjects.AddRange(projects);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data seeded: {Territories} territories, {Organisations} organisations, {Communities} communities.",
            territories.All.Count, organisations.All.Count, territories.All.Count(t => t.Level == TerritoryLevel.Community));
    }
}
