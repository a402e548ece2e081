using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

/// <summary>Anyone can open an account; it works once the e-mail address is confirmed. Roles come from memberships.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(UserManager<PartneraUser> users, AccountEmails emails, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty] public Registration Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class Registration
    {
        [Required, StringLength(200), Display(Name = "Account_DisplayName")] public string? DisplayName { get; set; }
        [Required, EmailAddress, StringLength(256), Display(Name = "Account_Email")] public string? Email { get; set; }
        [Required, StringLength(100, MinimumLength = 12), DataType(DataType.Password), Display(Name = "Account_Password")] public string? Password { get; set; }
        [Required, DataType(DataType.Password), Compare(nameof(Password)), Display(Name = "Account_ConfirmPassword")] public string? ConfirmPassword { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = new PartneraUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName!.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
        // The password is judged before anything else, the same for a taken address as for a new one: otherwise the
        // answer ("check your e-mail" against "the password must contain a digit") would tell who has an account.
        foreach (var validator in users.PasswordValidators)
        {
            var judged = await validator.ValidateAsync(users, user, Input.Password!);
            foreach (var error in judged.Errors) ModelState.AddModelError("Input.Password", IdentityErrorText.For(error, t));
        }
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Input.Email!) is not null)
        {
            // Same answer as a new registration, and the same hashing work, so the form does not reveal who has an account.
            users.PasswordHasher.HashPassword(user, Input.Password!);
            Sent = true;
            return Page();
        }
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", IdentityErrorText.For(error, t));
            return Page();
        }
        await emails.SendConfirmationAsync(user, ct);
        Sent = true;
        return Page();
    }
}
