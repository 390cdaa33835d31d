using Gatehouse.Server.Http;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The device API (R-DEC-01…06, R-GYM-22): authenticated by each device's own secret, not by staff sign-in.
/// An unknown, disabled or foreign device gets a denial decision, never a 404 (R-DEC-03).
/// </summary>
public static class DeviceApiEndpoints
{
    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/devices/{id:long}").WithTags("Device API").AllowAnonymous().WithMetadata(DeviceCaller.Instance);
        group.MapPost("/scan", ScanAsync).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Decide a scan: granted, warning or denied, stored durably before the answer (R-DEC-04); idempotent by requestId (R-DEC-05).");
        group.MapPost("/pre-verify", PreVerifyAsync).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ask the same question without side effects, before the person reaches the gate (R-GYM-22).");
        group.MapPost("/heartbeat", Heartbeat).WithSummary("A device's periodic check-in.");
        return app;
    }

    private static async Task<Results<JsonAnswer<ScanResponse>, ProblemHttpResult>> ScanAsync(
        long id, ScanRequest request, HttpRequest http, ScanService scans, CancellationToken cancellationToken) =>
        Answer(http, await scans.ScanAsync(id, DeviceCredentials.From(http, id), http.HttpContext.Connection.RemoteIpAddress, request, preVerification: false, cancellationToken));

    private static async Task<Results<JsonAnswer<ScanResponse>, ProblemHttpResult>> PreVerifyAsync(
        long id, ScanRequest request, HttpRequest http, ScanService scans, CancellationToken cancellationToken) =>
        Answer(http, await scans.ScanAsync(id, DeviceCredentials.From(http, id), http.HttpContext.Connection.RemoteIpAddress, request, preVerification: true, cancellationToken));

    private static Results<Ok<HeartbeatResponse>, ProblemHttpResult> Heartbeat(
        long id, HttpRequest http, IGatehouseStore store, ScanService scans, Heartbeats heartbeats, TimeProvider time)
    {
        var device = store.Index.FindDevice(new(id));
        if (device is null)
        {
            return new ApiError.NotFound("device", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToProblem();
        }

        if (scans.Authenticate(device, DeviceCredentials.From(http, id)) is { } unauthorized)
        {
            return unauthorized.ToProblem();
        }

        var now = time.GetUtcNow();
        heartbeats.Record(device.Id, now);
        var logic = store.Index.FindLogic(device.Logic);
        return TypedResults.Ok(new HeartbeatResponse(id, now, device.Enabled, logic is null ? null : new LogicRefDto(logic.Id.Value, logic.Version)));
    }

    private static Results<JsonAnswer<ScanResponse>, ProblemHttpResult> Answer(HttpRequest http, ApiResult<ScanResponse> result) =>
        result.Error is { } error ? error.ToProblem(http.HttpContext.Response) : new JsonAnswer<ScanResponse>(result.Value!);
}
