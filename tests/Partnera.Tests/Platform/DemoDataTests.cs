using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class DemoDataTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_seed_texts_places_organisations_and_memoranda_are_there(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var facts = await app.WithDbAsync(async db => new
        {
            Countries = await db.Territories.Where(t => t.Level == TerritoryLevel.Country).Select(t => t.Code).ToListAsync(),
            Moldova = await db.Territories.Where(t => t.Level == TerritoryLevel.District && t.CodeSystem == "CUATM").Select(t => t.Name.Value).ToListAsync(),
            Valozhyn = await db.Organisations.Include(o => o.WorkingHours).SingleAsync(o => o.PostalCode == "222357"),
            Unicef = await db.Memoranda.Include(m => m.Initiatives).SingleAsync(m => m.SignedOn == new DateOnly(2020, 1, 27)),
            Roles = await db.Memberships.Select(m => m.Role).Distinct().ToListAsync(),
        });
        Assert.Equal(["BY", "MD", "UA"], facts.Countries.Order());
        Assert.Equal(["Raionul Cahul", "Raionul Glodeni", "Raionul Strășeni"], facts.Moldova.Order());
        Assert.Equal("+375 (1772) 5-55-72", facts.Valozhyn.ReceptionPhone);
        Assert.Equal(5, facts.Valozhyn.WorkingHours.Count);
        Assert.All(facts.Valozhyn.WorkingHours, d => Assert.Equal((new TimeOnly(8, 30), new TimeOnly(13, 0), new TimeOnly(14, 0), new TimeOnly(17, 30)), (d.Opens, d.BreakStarts!.Value, d.BreakEnds!.Value, d.Closes)));
        Assert.Contains("100", facts.Unicef.Scope);
        Assert.Contains(facts.Unicef.Initiatives, i => i.Title.Value.Contains("Місто добрих сердець", StringComparison.Ordinal));
        Assert.Equal(Enum.GetValues<Role>().Order(), facts.Roles.Order());
    }

    [Fact]
    public async Task Twelve_communities_take_part_in_the_Together_project()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var served = await app.WithDbAsync(db => db.OrganisationTerritories
            .CountAsync(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Name.Value == "Українська мережа за права дитини")));
        Assert.Equal(12, served);
        var residents = await app.WithDbAsync(db => db.OrganisationTerritories
            .Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Name.Value == "Українська мережа за права дитини"))
            .SumAsync(s => s.Territory!.Population ?? 0));
        Assert.InRange(residents, 95_000, 105_000);
    }

    [Fact]
    public async Task Demo_accounts_never_exist_in_production()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DemoData:Seed"] = "true", ["App:PublicUrl"] = "https://partnera.example.org", ["AllowedHosts"] = "localhost", ["Budgeting:BallotKey"] = "a-test-ballot-key-of-more-than-32-characters" }, "Production");
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.Territories.AnyAsync()));
        var signIn = await app.Browser().SubmitAsync("/Account/Login", ("Input.Email", "admin@partnera.demo"), ("Input.Password", Partnera.Data.DemoData.DemoDataSeeder.DemoPassword));
        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
    }
}
