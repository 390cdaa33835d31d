using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers and the access index is loaded.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ReadyStatus>, JsonHttpResult<ReadyStatus>>> ReadyAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var status = await probe.CheckAsync(cancellationToken);
        return status.Ready ? TypedResults.Ok(status) : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
