using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Partnera.Features.Accounts.Manage;

/// <summary>A person changes their own password with the current one; every other session and token of theirs ends.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(UserManager<PartneraUser> users, SignInManager<PartneraUser> signIn, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty] public Change Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class Change
    {
        [Required, DataType(DataType.Password), Display(Name = "Account_CurrentPassword")] public string? CurrentPassword { get; set; }
        [Required, StringLength(100, MinimumLength = 12), DataType(DataType.Password), Display(Name = "Account_NewPassword")] public string? Password { get; set; }
        [Required, DataType(DataType.Password), Compare(nameof(Password)), Display(Name = "Account_ConfirmPassword")] public string? ConfirmPassword { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        // Changing the password changes the security stamp: the other cookies and tokens stop working (AccessCheck).
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.Password",
                    error.Code == "PasswordMismatch" ? t["Password_Wrong"] : IdentityErrorText.For(error, t));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
