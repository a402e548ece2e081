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
public sealed class ResetPasswordModel(UserManager<PartneraUser> users, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty] public Reset Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class Reset
    {
        [Required, EmailAddress, Display(Name = "Account_Email")] public string? Email { get; set; }
        [Required] public string? Code { get; set; }
        [Required, StringLength(100, MinimumLength = 12), DataType(DataType.Password), Display(Name = "Account_NewPassword")] public string? Password { get; set; }
        [Required, DataType(DataType.Password), Compare(nameof(Password)), Display(Name = "Account_ConfirmPassword")] public string? ConfirmPassword { get; set; }
    }

    public void OnGet(string? email, string? code) => Input = new Reset { Email = email, Code = code };

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email!);
        var token = AccountEmails.Decode(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", t["Reset_InvalidLink"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : "Input.Password", error.Code == "InvalidToken" ? t["Reset_InvalidLink"] : IdentityErrorText.For(error, t));
            return Page();
        }
        Done = true;
        return Page();
    }
}
