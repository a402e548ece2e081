using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<PartneraUser> signIn, UserManager<PartneraUser> users, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty] public Credentials Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class Credentials
    {
        [Required, EmailAddress, Display(Name = "Account_Email")] public string? Email { get; set; }
        [Required, DataType(DataType.Password), Display(Name = "Account_Password")] public string? Password { get; set; }
        [Display(Name = "Account_RememberMe")] public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email!);
        if (user is null)
        {
            ModelState.AddModelError("", t["Login_Failed"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut) ModelState.AddModelError("", t["Login_LockedOut"]);
        else if (result.IsNotAllowed) ModelState.AddModelError("", t["Login_NotConfirmed"]);
        else ModelState.AddModelError("", t["Login_Failed"]);
        return Page();
    }
}
