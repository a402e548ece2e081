using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Partnera.Features.Accounts.Users;

/// <summary>
/// Administrators open an account for a colleague: the person receives a link to choose a password,
/// so no password ever passes through the administrator's hands.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class InviteModel(UserManager<PartneraUser> users, AccountEmails emails, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty] public Invitation Input { get; set; } = new();

    public sealed class Invitation
    {
        [Required, StringLength(200), Display(Name = "Account_DisplayName")] public string? DisplayName { get; set; }
        [Required, EmailAddress, StringLength(256), Display(Name = "Account_Email")] public string? Email { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email!) is not null)
            ModelState.AddModelError("Input.Email", t["Invite_Exists"]);
        if (!ModelState.IsValid) return Page();
        var user = new PartneraUser { UserName = Input.Email, Email = Input.Email, DisplayName = Input.DisplayName!.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Email", IdentityErrorText.For(error, t));
            return Page();
        }
        await emails.SendInvitationAsync(user, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Account/Users/Edit/{user.Id}");
    }
}
