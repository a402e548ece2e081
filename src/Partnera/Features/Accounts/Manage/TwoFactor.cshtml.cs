using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Partnera.Features.Accounts.Manage;

/// <summary>Turn on TOTP two-factor sign-in: scan the QR code with an authenticator app, confirm a code, keep the recovery codes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<PartneraUser> users, SignInManager<PartneraUser> signIn, AccessCheck access, IStringLocalizer<AccountStrings> t) : PageModel
{
    [BindProperty, Required, StringLength(7, MinimumLength = 6), Display(Name = "TwoFactor_Code")] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>This person's roles require two-factor sign-in and it is not on yet (see TwoFactorGate); read before a renewed sign-in replaces the claims.</summary>
    public bool Required { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Required = User.HasClaim(c => c.Type == AccessCheck.TwoFactorMissingClaim);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(Code!)))
        {
            ModelState.AddModelError(nameof(Code), t["TwoFactor_WrongCode"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    /// <summary>Turning it off needs a current code: a moment at an unlocked computer is not enough to weaken the account.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // Wrong codes count as failed sign-ins: someone holding a stolen session cannot guess their way to switching it
        // off. A lockout also ends every session of the account at once, so the guessing cannot resume after it.
        if (await users.IsLockedOutAsync(user)) ModelState.AddModelError(nameof(Code), t["Login_LockedOut"]);
        else if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(Code!)))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            if (locked)
            {
                await users.UpdateSecurityStampAsync(user);
                access.Forget(user.Id);
            }
            ModelState.AddModelError(nameof(Code), locked ? t["Login_LockedOut"] : t["TwoFactor_WrongCode"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Common_Saved";
        return Redirect("/Account/Manage/TwoFactor");
    }

    // Where ASP.NET Core Identity's user store keeps the authenticator key (UserStoreBase's internal login provider and token name).
    private const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    private static string Digits(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private async Task LoadAsync(PartneraUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key to set an app up with: stored without a new security stamp (which the reset would give), since a key
            // not yet switched on weakens nothing, and merely opening this page must not end the account's other sessions.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, key);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Partnera:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Partnera&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
