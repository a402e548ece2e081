using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Email;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

/// <summary>The e-mails that confirm an address and reset a password, in the user's language.</summary>
public sealed class AccountEmails(UserManager<PartneraUser> users, IEmailSender email, PublicLinks links, IStringLocalizer<AccountStrings> t)
{
    public async Task SendConfirmationAsync(PartneraUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.For($"/Account/ConfirmEmail?userId={user.Id}&code={code}");
        await email.SendAsync(user.Email!, t["Email_ConfirmSubject"], t["Email_ConfirmBody", HtmlEncoder.Default.Encode(link)], ct);
    }

    public Task SendPasswordResetAsync(PartneraUser user, CancellationToken ct) =>
        SendPasswordLinkAsync(user, "Email_ResetSubject", "Email_ResetBody", ct);

    /// <summary>An account opened by an administrator: the same password link, with a welcome.</summary>
    public Task SendInvitationAsync(PartneraUser user, CancellationToken ct) =>
        SendPasswordLinkAsync(user, "Email_InviteSubject", "Email_InviteBody", ct);

    private async Task SendPasswordLinkAsync(PartneraUser user, string subject, string body, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.For($"/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await email.SendAsync(user.Email!, t[subject], t[body, HtmlEncoder.Default.Encode(link)], ct);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
