namespace Partnera.Infrastructure.Web;

/// <summary>
/// Errors become RFC 9457 problem details under /api and localised error pages elsewhere;
/// neither ever shows a stack trace outside Development.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/Error/{0}");
        });
        return app;
    }

    // Bad requests (unreadable bodies, failed anti-forgery checks) are the client's error, not ours.
    private static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
