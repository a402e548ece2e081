using Microsoft.AspNetCore.Identity;

namespace Partnera.Features.Accounts;

/// <summary>A person with an account. What they may do follows from their memberships.</summary>
public sealed class PartneraUser : IdentityUser<Guid>
{
    public PartneraUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public string? PreferredCulture { get; set; }
    public List<Membership> Memberships { get; set; } = [];
}
