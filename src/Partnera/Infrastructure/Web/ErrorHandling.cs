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
        // A database that is restarting or out of connections is worth a retry in a few seconds: say when.
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "10";
                return Task.CompletedTask;
            });
            await next(context);
        });
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor, SuppressDiagnosticsCallback = LogClientErrorsAsInformation });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = StatusFor, SuppressDiagnosticsCallback = LogClientErrorsAsInformation });
            pages.UseStatusCodePagesWithReExecute("/Error/{0}");
        });
        return app;
    }

    // Bad requests (unreadable bodies, failed anti-forgery checks) are the client's error, not ours; a database that
    // cannot be reached for a moment (restart, shutdown, refused connection) is unavailable, not broken.
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsTransientDatabaseFailure(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A request the client got wrong is logged as information, one line and no stack trace; the rest as errors, as usual.</summary>
    private static bool LogClientErrorsAsInformation(Microsoft.AspNetCore.Diagnostics.ExceptionHandlerSuppressDiagnosticsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad) return false;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(ErrorHandling))
            .LogInformation("Bad request {Method} {Path}: {Reason}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, bad.Message);
        return true;
    }

    public static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true;
            if (e is Npgsql.NpgsqlException { IsTransient: true } and not Npgsql.PostgresException) return true;
            if (e is System.Net.Sockets.SocketException) return true;
        }
        return false;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
