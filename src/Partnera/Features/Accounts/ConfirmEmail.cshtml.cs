using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnera.Features.Accounts;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PartneraUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        Confirmed = user is not null && (await users.ConfirmEmailAsync(user, token!)).Succeeded;
    }
}
