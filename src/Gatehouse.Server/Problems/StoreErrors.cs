using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Problems;

/// <summary>Store outcomes as API errors: a row of another organization is indistinguishable from a missing one.</summary>
public static class StoreErrors
{
    public static ApiError ToApiError(this StoreResult result, string what) => result.Error switch
    {
        StoreError.NotFound => new ApiError.NotFound(what, result.Message ?? "given"),
        StoreError.Conflict => new ApiError.Conflict(result.Message ?? $"The {what} conflicts with existing data."),
        StoreError.InUse => new ApiError.Conflict(result.Message ?? $"The {what} is still in use."),
        StoreError.Invalid => new ApiError.Invalid(result.Message ?? $"The {what} is invalid."),
        StoreError.None => throw new InvalidOperationException("A successful store result is not an error."),
        _ => new ApiError.Invalid(result.Message ?? "Invalid."),
    };

    public static Results<Ok<TDto>, ProblemHttpResult> Reply<T, TDto>(this StoreResult<T> result, string what, Func<T, TDto> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return result.IsOk && result.Value is not null ? TypedResults.Ok(map(result.Value)) : result.ToResult().ToApiError(what).ToProblem();
    }

    public static Results<NoContent, ProblemHttpResult> Reply(this StoreResult result, string what) =>
        result.IsOk ? TypedResults.NoContent() : result.ToApiError(what).ToProblem();

    public static Results<Ok<TDto>, ProblemHttpResult> Found<T, TDto>(T? value, string what, long id, Func<T, TDto> map)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(map);
        return value is null ? NotFound(what, id) : TypedResults.Ok(map(value));
    }

    public static ProblemHttpResult NotFound(string what, long id) =>
        new ApiError.NotFound(what, id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToProblem();
}
