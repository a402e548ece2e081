using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

/// <summary>The second step of sign-in for accounts with an authenticator app (or a recovery code).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<PartneraUser> signIn, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty, Required, StringLength(20), Display(Name = "TwoFactor_Code")] public string? Code { get; set; }
    [BindProperty, Display(Name = "TwoFactor_RememberMachine")] public bool RememberMachine { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/Account/Login");
        var code = Code!.Replace(" ", "", StringComparison.Ordinal);
        // Six digits come from the authenticator app; anything else is a recovery code (kept as issued, with its dash).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? t["Login_LockedOut"] : t["TwoFactor_WrongCode"]);
        return Page();
    }
}
