using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// A request no handler of the page answers (a POST or TRACE to a page that only shows, an unknown ?handler=) is refused:
/// 405 when the page takes nothing by that method, 404 for a handler it does not have. Left alone, the page would be
/// drawn without its data loaded: a server error for a request anyone can make.
/// </summary>
public sealed class UnknownHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null) return next();
        var method = context.HttpContext.Request.Method;
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var handlers = context.ActionDescriptor.HandlerMethods;
        // A page with nothing to load draws itself without a handler.
        if (get && !handlers.Any(h => h.HttpMethod == "Get")) return next();
        var answers = handlers.Any(h => string.Equals(h.HttpMethod, get ? "Get" : method, StringComparison.OrdinalIgnoreCase));
        context.Result = new StatusCodeResult(answers ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
