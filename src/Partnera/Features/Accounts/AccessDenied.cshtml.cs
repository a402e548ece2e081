using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnera.Features.Accounts;

[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    /// <summary>Why, when the refusing page says so: "working-group" for a campaign's pages that only its working group opens.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "reason")] public string? Reason { get; set; }

    public bool WorkingGroup => Reason == "working-group";

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
