using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Partnera.Features.Accounts;

/// <summary>Identity's errors (password rules and the like) in the user's language.</summary>
public static class IdentityErrorText
{
    public static string For(IdentityError error, IStringLocalizer<AccountStrings> t)
    {
        var text = t[$"IdentityError_{error.Code}"];
        return text.ResourceNotFound ? t["IdentityError_Other"] : text;
    }
}
