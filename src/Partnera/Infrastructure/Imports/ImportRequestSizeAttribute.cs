using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// The request size of an import page, from the <see cref="ImportLimits"/> setting instead of a constant: large enough
/// that a file somewhat over the limit still arrives and is refused with a message, small enough to stop anything else.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportRequestSizeAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    // Before model binding reads the form, as the built-in RequestSizeLimit does.
    public int Order => 900;

    public IFilterMetadata CreateInstance(IServiceProvider services) =>
        new Filter(services.GetRequiredService<IOptions<ImportLimits>>().Value);

    private sealed class Filter(ImportLimits limits) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limits.MaxRequestBytes;
            if (context.HttpContext.Features.Get<IFormFeature>() is not { Form: not null })
                context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions { MultipartBodyLengthLimit = limits.MaxRequestBytes }));
        }
    }
}
