using Microsoft.AspNetCore.Identity;

namespace Partnera.Features.Accounts;

/// <summary>
/// E-mail and password, for the sign-in page and the token API alike. An unknown address, a wrong password, an address
/// that has tried too often and a locked account all get the same answer (plain <see cref="SignInResult.Failed"/>), and
/// take about as long, so the answer does not tell whether an account exists or is locked.
/// </summary>
public sealed class PasswordSignIn(SignInManager<PartneraUser> signIn, UserManager<PartneraUser> users, SignInThrottle throttle)
{
    private static string? dummyHash;

    public async Task<SignInResult> SignInAsync(string email, string password, bool persistent, HttpContext http)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || throttle.IsLocked(user.Id, http))
        {
            HashAnyway(password);
            return SignInResult.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(user.Id, http);
            return result;
        }
        // Locked and unconfirmed accounts are refused before the password is looked at; only the one who knows it may
        // learn that the address still needs confirming.
        var rightPassword = (result.IsLockedOut || result.IsNotAllowed) && await users.CheckPasswordAsync(user, password);
        if (!rightPassword) throttle.Failed(user.Id, http);
        return rightPassword && result.IsNotAllowed ? result : SignInResult.Failed;
    }

    // As long as checking a real account's password.
    private void HashAnyway(string password)
    {
        var nobody = new PartneraUser();
        dummyHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(nobody, dummyHash, password);
    }
}
