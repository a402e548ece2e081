using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Partnera.Data;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Accounts;

public static class AccountsModule
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<MembershipGrants>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(AccountSecurity.From(configuration, environment));
        services.AddMemoryCache();
        services.AddScoped<AccessCheck>();
        // Pages use the sign-in cookie; API clients may send "Authorization: Bearer <token>" from /api/v1/auth/token instead.
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieOrBearer;
            o.DefaultChallengeScheme = CookieOrBearer;
        });
        authentication.AddPolicyScheme(CookieOrBearer, CookieOrBearer, o => o.ForwardDefaultSelector = c =>
            c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);
        // Cookie and token alike are checked against the account on every request: withdrawn access ends within seconds.
        authentication.AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.Events.OnMessageReceived = AccessCheck.ValidateBearerAsync;
        });
        authentication.AddIdentityCookies();
        services.AddIdentityCore<PartneraUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<PartneraDbContext>()
            .AddClaimsPrincipalFactory<PartneraClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "partnera.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            // Instead of Identity's security stamp check once in a while (see AccessCheck).
            o.Events.OnValidatePrincipal = AccessCheck.ValidateCookieAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 (as problem details) instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiOr(c.HttpContext, StatusCodes.Status401Unauthorized, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.HttpContext, StatusCodes.Status403Forbidden, () => c.Response.Redirect(c.RedirectUri));
        });

        services.AddAuthorizationBuilder()
            // Deny by default: a page or endpoint that forgets to declare a policy still needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(MembershipClaims.Type))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsAdministrator()))
            .AddPolicy(Policies.ManageOrganisations, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.CanManageOrganisations()));
        return services;
    }

    private static Task ApiOr(HttpContext context, int status, Action redirect)
    {
        if (ErrorHandling.IsApi(context)) context.Response.StatusCode = status;
        else redirect();
        return Task.CompletedTask;
    }
}
