using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Hosting;

/// <summary>
/// Refuses oversized bodies up front with a 413 problem (R-OPS-03), and tells the server the per-request limit so
/// a body without Content-Length is cut at the same size. Imports get a larger limit than everything else.
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptions<GatehouseOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = context.Request.Path.Value?.EndsWith("/import", StringComparison.OrdinalIgnoreCase) == true
            ? options.Value.MaxImportBodyBytes
            : options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Payload too large.",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes.",
                    Type = "https://gatehouse.dev/problems/too-large",
                },
            });
            return;
        }

        await next(context);
    }
}
