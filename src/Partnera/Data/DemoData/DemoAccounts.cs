using Microsoft.AspNetCore.Identity;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;

namespace Partnera.Data.DemoData;

/// <summary>One demo account per role (README lists them), and a resident with a light account. The CSO leader holds two roles in two organisations.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Name, (Func<DemoOrganisations, Organisation> Organisation, Role Role)[] Memberships);

    public static readonly Account[] All =
    [
        new("admin@partnera.demo", "Адміністратор платформи", [(o => o.BakhmutCouncil, Role.Administrator)]),
        new("specialist@partnera.demo", "Олена Коваленко", [(o => o.BakhmutCouncil, Role.AuthoritySpecialist)]),
        new("provider@partnera.demo", "Ірина Шевченко", [(o => o.BakhmutCentre, Role.ProviderStaff)]),
        new("cso@partnera.demo", "Andrei Popescu", [(o => o.Keystone, Role.CsoLeader), (o => o.SorosMoldova, Role.ProviderStaff)]),
        new("volunteers@partnera.demo", "Наталія Бондаренко", [(o => o.UkrainianRedCross, Role.VolunteerCoordinator)]),
        new("programme@partnera.demo", "Алеся Потапчик", [(o => o.BelarusRedCross, Role.ProgrammeCoordinator)]),
        new("resident@partnera.demo", "Марія Петренко", []),
    ];

    public static async Task CreateAsync(UserManager<PartneraUser> users, PartneraDbContext db, DemoOrganisations organisations, CancellationToken ct)
    {
        foreach (var account in All)
        {
            var user = new PartneraUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name };
            var result = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            db.Memberships.AddRange(account.Memberships.Select(m => new Membership { UserId = user.Id, OrganisationId = m.Organisation(organisations).Id, Role = m.Role }));
        }
        await db.SaveChangesAsync(ct);
    }
}
