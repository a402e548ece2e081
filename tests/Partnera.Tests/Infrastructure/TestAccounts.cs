using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Testing;

namespace Partnera.Tests.Infrastructure;

/// <summary>New accounts signed in as a browser would be: residents with a light account (e-mail confirmed, no organisation) and staff.</summary>
public static class TestAccounts
{
    public static Task<(HttpClient Client, string Email, Guid Id)> NewResidentAsync(this PartneraApp app, string name) => NewAsync(app, name, null);

    /// <summary>Someone holding one role in one organisation.</summary>
    public static Task<(HttpClient Client, string Email, Guid Id)> NewStaffAsync(this PartneraApp app, Guid organisationId, Role role) =>
        NewAsync(app, $"{role} {organisationId.ToString()[..4]}", (organisationId, role));

    private static async Task<(HttpClient Client, string Email, Guid Id)> NewAsync(PartneraApp app, string name, (Guid Organisation, Role Role)? membership)
    {
        var email = $"{Guid.NewGuid():N}@{(membership is null ? "resident" : "staff")}.test";
        var user = new PartneraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        await app.WithScopeAsync(async s =>
        {
            var result = await s.GetRequiredService<UserManager<PartneraUser>>().CreateAsync(user, DemoDataSeeder.DemoPassword);
            Assert.True(result.Succeeded);
            if (membership is { } m)
            {
                var db = s.GetRequiredService<Partnera.Data.PartneraDbContext>();
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = m.Organisation, Role = m.Role });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var client = app.Browser("en");
        await client.SignInAsync(email);
        return (client, email, user.Id);
    }
}
