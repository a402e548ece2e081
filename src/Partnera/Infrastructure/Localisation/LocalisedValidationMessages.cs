using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Partnera.Infrastructure.Localisation;

/// <summary>
/// Gives every validation attribute without its own message a resource key, so that field errors
/// appear in the user's language without each model repeating ErrorMessage.
/// </summary>
public sealed class LocalisedValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            // Some attributes (EmailAddress, Url) report their English default as ErrorMessage: only a resource key counts as set.
            if (attribute.ErrorMessageResourceType is not null || IsResourceKey(attribute.ErrorMessage)) continue;
            attribute.ErrorMessage = KeyFor(attribute);
        }
    }

    private static bool IsResourceKey(string? message) =>
        message is { Length: > 0 } && !message.Contains(' ', StringComparison.Ordinal) && message.Contains('_', StringComparison.Ordinal);

    /// <summary>The key an attribute's message is looked up by: its own key if it names one, else the key for its kind.</summary>
    public static string KeyOf(ValidationAttribute attribute) => IsResourceKey(attribute.ErrorMessage) ? attribute.ErrorMessage! : KeyFor(attribute);

    /// <summary>The resource key of the message for a validation attribute.</summary>
    public static string KeyFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Validation_Required",
        StringLengthAttribute { MinimumLength: > 0 } => "Validation_StringLengthRange",
        StringLengthAttribute or MaxLengthAttribute => "Validation_MaxLength",
        EmailAddressAttribute => "Validation_Email",
        UrlAttribute => "Validation_Url",
        RangeAttribute => "Validation_Range",
        CompareAttribute => "Validation_Compare",
        Text.TranslationsAttribute => "Validation_Translations",
        _ => "Validation_Invalid",
    };
}
