using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// Keeps public pages that anonymous readers ask for over and over (a community's page, a plan's public page, a
/// vote's result) for a minute, per language. Only requests with no cookie but the language one are served from or
/// stored in the cache, and responses that set a cookie are never stored: nothing personal or signed-in can leak
/// from one reader to another. Each app instance keeps its own copy: a change drops the copies of the instance that
/// saved it (see PublicPageEviction) and shows on the others within the minute.
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Name = "public-page";
    /// <summary>Every page kept by this policy, to drop them all when what they show changes.</summary>
    public const string Tag = "public-pages";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var request = context.HttpContext.Request;
        var anonymous = HttpMethods.IsGet(request.Method) && request.Headers.Authorization.Count == 0
            && request.Cookies.Keys.All(k => k == CookieRequestCultureProvider.DefaultCookieName);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !response.Headers.SetCookie.All(IsDeletion)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Every page clears the (empty) message cookie; a page that only clears cookies is the same for everyone. A cookie
    /// that is set (an anti-forgery token, a sign-in) never goes into the cache.
    /// </summary>
    private static bool IsDeletion(string? cookie) =>
        cookie is not null && cookie.Contains("=;", StringComparison.Ordinal) && cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
}
