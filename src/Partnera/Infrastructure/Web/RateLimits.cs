using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnera.Resources;

namespace Partnera.Infrastructure.Web;

/// <summary>Rate limits on sign-in, registration and other public writes, per client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Anonymous writes: suggested corrections (later: comments, survey answers).</summary>
    public const string PublicWrite = "public-write";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:SignInPerMinute", 10);
        var publicWrites = configuration.GetValue("RateLimiting:PublicWritesPerMinute", 5);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count (a sent form, a token request): opening the sign-in page, or coming back to it, is not one.
            o.AddPolicy(SignIn, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("views")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicWrite, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = publicWrites, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The API answers with problem details; a page with the localised error page (the status code pages
            // re-execute /Error/429 for a response left without a body), with the site's header and a way back.
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                if (!ErrorHandling.IsApi(http)) return;
                var s = http.RequestServices.GetRequiredService<IStringLocalizer<SharedStrings>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = s["Error_TooManyTitle"], Detail = s["Error_TooManyRequests"] },
                });
            };
        });
        return services;
    }
}
