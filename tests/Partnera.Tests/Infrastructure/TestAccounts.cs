using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Testing;

namespace Partnera.Tests.Infrastructure;

/// <summary>Residents with a light account (e-mail confirmed, no organisation), signed in as a browser would be.</summary>
public static class Residents
{
    public static async Task<(HttpClient Client, string Email, Guid Id)> NewResidentAsync(this PartneraApp app, string name)
    {
        var email = $"{Guid.NewGuid():N}@resident.test";
        var user = new PartneraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        await app.WithScopeAsync(async s =>
        {
            var result = await s.GetRequiredService<UserManager<PartneraUser>>().CreateAsync(user, DemoDataSeeder.DemoPassword);
            Assert.True(result.Succeeded);
            return 0;
        });
        var client = app.Browser("en");
        await client.SignInAsync(email);
        return (client, email, user.Id);
    }
}
