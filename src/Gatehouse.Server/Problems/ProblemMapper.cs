using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Problems;

/// <summary>The one place where expected errors become RFC 9457 problem details.</summary>
public static class ProblemMapper
{
    public static ProblemHttpResult ToProblem(this ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error switch
        {
            ApiError.Invalid => StatusCodes.Status400BadRequest,
            ApiError.NotFound => StatusCodes.Status404NotFound,
            ApiError.Conflict => StatusCodes.Status409Conflict,
            ApiError.Unauthorized => StatusCodes.Status401Unauthorized,
            ApiError.Forbidden => StatusCodes.Status403Forbidden,
            ApiError.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?>();
        if (error is ApiError.Invalid { Errors: { } errors })
        {
            extensions["errors"] = errors;
        }

        if (error is ApiError.TooManyRequests { RetryAfter: var wait })
        {
            // The Retry-After header says the same to clients that read headers (set by the overload below).
            extensions["retryAfterSeconds"] = RetryAfterSeconds(wait);
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: status,
            title: error.Title,
            type: $"https://gatehouse.dev/problems/{error.GetType().Name.ToLowerInvariant()}",
            extensions: extensions);
    }

    /// <summary>The problem, and the Retry-After header on the response when the error says when to come back.</summary>
    public static ProblemHttpResult ToProblem(this ApiError error, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(response);
        if (error is ApiError.TooManyRequests refused)
        {
            SetRetryAfter(response, refused.RetryAfter);
        }

        return error.ToProblem();
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whole seconds, rounded up, never zero: what the Retry-After header carries.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
