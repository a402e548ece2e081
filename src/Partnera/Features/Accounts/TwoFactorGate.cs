using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

/// <summary>
/// Where two-factor sign-in is required (<c>Security:RequireTwoFactor</c>, on in Production), someone whose roles see
/// personal data and who has not turned it on yet is sent to set it up before anything else; the API refuses them.
/// </summary>
public static class TwoFactorGate
{
    public const string SetUpPath = "/Account/Manage/TwoFactor";

    // What such a person may still open: the set-up page itself, signing out, and the language switch.
    private static readonly string[] Open = [SetUpPath, "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/language", "/Error", "/health"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.User.HasClaim(c => c.Type == AccessCheck.TwoFactorMissingClaim) || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }
            if (ErrorHandling.IsApi(context))
            {
                var t = context.RequestServices.GetRequiredService<IStringLocalizer<AccountStrings>>();
                await Results.Problem(detail: t["TwoFactor_Required"], statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            context.Response.Redirect(SetUpPath);
        });
}
