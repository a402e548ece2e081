using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnera.Features.Home;

/// <summary>The localised page for unknown addresses, refusals and unexpected errors.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TitleKey => Code switch
    {
        404 => "Error_NotFoundTitle",
        403 => "Error_ForbiddenTitle",
        400 or 405 => "Error_BadRequestTitle",
        429 => "Error_TooManyTitle",
        _ => "Error_GeneralTitle",
    };
    public string TextKey => TitleKey.Replace("Title", "Text", StringComparison.Ordinal);

    // No handler parameters: a re-executed POST with a bad anti-forgery token must not have its form read here.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        // Only error statuses: /Error/1 is an address someone typed, not a status to answer with.
        int? code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c is >= 400 and <= 599 ? c : 404 : null;
        Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        // Direct visits to /Error show the page with 200; re-executed errors keep their status.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is null) return;
        Response.StatusCode = Code;
    }
}
