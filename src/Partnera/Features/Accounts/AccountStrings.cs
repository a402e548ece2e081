namespace Partnera.Features.Accounts;

/// <summary>UI strings of accounts: sign-in, registration, two-factor, users and memberships.</summary>
public sealed class AccountStrings;
