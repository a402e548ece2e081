using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<PartneraUser> users, AccountEmails emails) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "Account_Email")] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email!);
        // The same answer whether or not the address has an account.
        if (user is not null && await users.IsEmailConfirmedAsync(user)) await emails.SendPasswordResetAsync(user, ct);
        Sent = true;
        return Page();
    }
}
