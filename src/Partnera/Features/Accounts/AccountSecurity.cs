namespace Partnera.Features.Accounts;

/// <summary>The account security settings, read once at start-up with their per-environment defaults.</summary>
public sealed record AccountSecurity(TimeSpan AccessRecheck, bool RequireTwoFactor)
{
    /// <summary>How long an instance trusts what it read of an account (stamp, lock-out, memberships), in seconds.</summary>
    public const string AccessRecheckSetting = "Security:AccessRecheckSeconds";

    /// <summary>Whether accounts whose roles see personal data must use two-factor sign-in (default: in Production).</summary>
    public const string RequireTwoFactorSetting = "Security:RequireTwoFactor";

    public static AccountSecurity From(IConfiguration configuration, IHostEnvironment environment) => new(
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(AccessRecheckSetting, 5.0), 0, 60)),
        configuration.GetValue<bool?>(RequireTwoFactorSetting) ?? environment.IsProduction());
}
