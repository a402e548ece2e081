using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(PasswordSignIn signIn, IStringLocalizer<AccountStrings> t) : PageModel
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
        var result = await signIn.SignInAsync(Input.Email!, Input.Password!, Input.RememberMe, HttpContext);
        if (result.Succeeded) return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        ModelState.AddModelError("", result.IsNotAllowed ? t["Login_NotConfirmed"] : t["Login_Failed"]);
        return Page();
    }
}
