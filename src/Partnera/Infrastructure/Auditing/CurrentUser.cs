using System.Security.Claims;

namespace Partnera.Infrastructure.Auditing;

/// <summary>The signed-in person behind the current request, if any.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;
}
