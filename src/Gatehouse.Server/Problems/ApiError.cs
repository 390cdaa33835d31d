namespace Gatehouse.Server.Problems;

/// <summary>
/// An expected failure of a request: a value, not an exception, so handlers return it and
/// <see cref="ProblemMapper"/> turns it into RFC 9457 problem details in one place.
/// </summary>
public abstract record ApiError(string Title, string Detail)
{
    /// <summary>The request is malformed or its values are impossible (R-OPS-03).</summary>
    public sealed record Invalid(string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
        : ApiError("The request is invalid.", Detail);

    /// <summary>Unknown id, or an id of another organization: both look the same from outside (R-OPS-01).</summary>
    public sealed record NotFound(string What, string Id)
        : ApiError("Not found.", $"There is no {What} with id {Id}.");

    /// <summary>The request is valid but collides with the current state (e.g. deleting a logic in use, R-GYM-01).</summary>
    public sealed record Conflict(string Detail) : ApiError("Conflict.", Detail);

    public sealed record Unauthorized(string Detail) : ApiError("Unauthorized.", Detail);

    public sealed record Forbidden(string Detail) : ApiError("Forbidden.", Detail);

    /// <summary>Too many attempts (failed staff sign-ins, scans naming unknown devices): refused without being tried until <paramref name="RetryAfter"/> has passed.</summary>
    public sealed record TooManyRequests(string Detail, TimeSpan RetryAfter) : ApiError("Too many requests.", Detail);

    public static Invalid Field(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}
