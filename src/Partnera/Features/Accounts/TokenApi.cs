using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

/// <summary>
/// POST /api/v1/auth/token: another system signs in with an account's e-mail and password (and its
/// authenticator code when two-factor sign-in is on) and receives a bearer token valid for an hour.
/// The same lockout and rate limits apply as on the sign-in page.
/// </summary>
public static class TokenApi
{
    public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);

    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueAsync).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueAsync(TokenRequest request, SignInManager<PartneraUser> signIn,
        PasswordSignIn passwords, HttpContext http, IStringLocalizer<AccountStrings> t)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)) return Refused(t["Login_Failed"]);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await passwords.SignInAsync(request.Email, request.Password, persistent: false, http);
        if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(request.TwoFactorCode))
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Trim(), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        return Refused(result.IsLockedOut ? t["Login_Failed"]
            : result.IsNotAllowed ? t["Login_NotConfirmed"]
            : result.RequiresTwoFactor ? t["TwoFactor_LoginText"]
            : t["Login_Failed"]);
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
