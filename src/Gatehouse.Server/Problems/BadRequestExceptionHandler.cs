using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Gatehouse.Server.Problems;

/// <summary>
/// Bad input that ASP.NET Core reports by throwing (unreadable JSON, oversized body, unknown enum value) is the
/// client's fault: answer 4xx problem details, never a 500 (R-OPS-03). Anything else falls through to the 500 handler.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, JsonMessage(json)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            JsonException json => (StatusCodes.Status400BadRequest, JsonMessage(json)),
            FormatException format => (StatusCodes.Status400BadRequest, format.Message),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? "Payload too large." : "The request is invalid.",
                Detail = detail,
                Type = "https://gatehouse.dev/problems/invalid",
            },
        });
    }

    private static string JsonMessage(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"The JSON body is malformed at {path}: {json.Message}" : $"The JSON body is malformed: {json.Message}";
}
