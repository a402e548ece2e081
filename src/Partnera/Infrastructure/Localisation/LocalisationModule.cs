using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Infrastructure.Web;
using Partnera.Resources;

namespace Partnera.Infrastructure.Localisation;

public static class LocalisationModule
{
    public static IServiceCollection AddLocalisation(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Default);
            o.SupportedCultures = Cultures.All.ToList();
            o.SupportedUICultures = Cultures.All.ToList();
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // A chosen language (cookie) wins; the browser's language decides the first visit.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // PostConfigure: MVC's own set-up must have added the data-annotations providers first.
        services.AddOptions<MvcOptions>().PostConfigure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var s = factory.Create(typeof(SharedStrings));
            var m = mvc.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => s["Binding_ValueInvalid", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => s["Binding_AttemptedValueInvalid", v, f]);
            m.SetMissingBindRequiredValueAccessor(f => s["Validation_Required", f]);
            m.SetMissingKeyOrValueAccessor(() => s["Binding_MissingValue"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => s["Binding_MissingValue"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => s["Binding_ValueInvalid", v]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => s["Binding_UnknownValueInvalid"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => s["Binding_MustBeNumber"]);
            m.SetUnknownValueIsInvalidAccessor(f => s["Binding_UnknownValueInvalid"]);
            m.SetValueMustBeANumberAccessor(f => s["Binding_MustBeNumber"]);
            m.SetValueMustNotBeNullAccessor(f => s["Validation_Required", f]);
            mvc.ModelMetadataDetailsProviders.Add(new LocalisedValidationMessages());
        });
        return services;
    }

    public static IApplicationBuilder UseLocalisation(this IApplicationBuilder app) =>
        app.UseRequestLocalization(app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);

    /// <summary>
    /// GET /language/{culture}: remembers the chosen language in a cookie and returns to the page. A link rather than a
    /// form: choosing a language changes nothing but the visitor's own preference, so it needs no anti-forgery token.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Supported.Contains(culture)) culture = Cultures.Default;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
