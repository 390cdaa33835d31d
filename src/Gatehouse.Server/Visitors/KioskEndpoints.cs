using Gatehouse.Engine;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// The visitor kiosk (R-VIS-04/06), authenticated like any device by its own secret. Check-in is a scan at the
/// kiosk: the engine reads the invitation QR and puts the check-in on the decision, storage applies it with the
/// event. Check-out asks the engine who the QR belongs to, then checks that visit out.
/// </summary>
public static class KioskEndpoints
{
    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kiosk/{deviceId:long}").WithTags("Visitor kiosk").AllowAnonymous();
        group.MapPost("/check-in", CheckInAsync).WithSummary("Scan an invitation QR at the kiosk: the engine decides and checks the visitor in (R-VIS-06).");
        group.MapPost("/check-out", CheckOutAsync).WithSummary("Scan an invitation QR to leave: checks the visitor out, physical cards are removed (R-VIS-07).");
        return app;
    }

    private static async Task<Results<Ok<ScanResponse>, ProblemHttpResult>> CheckInAsync(
        long deviceId, KioskRequest request, HttpRequest http, ScanService scans, CancellationToken ct)
    {
        var result = await scans.ScanAsync(
            deviceId, DeviceCredentials.From(http, deviceId), http.HttpContext.Connection.RemoteIpAddress, new ScanRequest(request.RequestId, request.Credential, Direction.In), preVerification: false, ct);
        return result.Error is { } error ? error.ToProblem(http.HttpContext.Response) : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<Ok<KioskCheckOutDto>, ProblemHttpResult>> CheckOutAsync(
        long deviceId, KioskRequest request, HttpRequest http, IGatehouseStore store, IVisitorStore visitors, ScanService scans,
        VisitorLifecycle lifecycle, TimeProvider time, CancellationToken ct)
    {
        var device = store.Index.FindDevice(new DeviceId(deviceId));
        if (device is null)
        {
            return StoreErrors.NotFound("device", deviceId);
        }

        if (scans.Authenticate(device, DeviceCredentials.From(http, deviceId)) is { } unauthorized)
        {
            return unauthorized.ToProblem();
        }

        if (string.IsNullOrEmpty(request.Credential) || request.Credential.Length > ScanService.MaxCredentialLength)
        {
            return ApiError.Field("credential", "The scanned QR text is required.").ToProblem();
        }

        // Only the engine understands a QR (signature, rotating code): its decision names the person, or nobody.
        var decision = Gatekeeper.Decide(new Scan(device.Id, request.Credential, time.GetUtcNow(), Direction.Out), store.Index);
        var person = decision.Person?.Id;
        var visit = person is null ? null : (await visitors.ListVisitsAsync(device.Organization, device.Site, person, ct)).FirstOrDefault(v => v.ErasedAt is null);
        if (visit is null)
        {
            return new ApiError.NotFound("visit for this code at this site", request.Credential.Length > 12 ? request.Credential[..12] + "…" : request.Credential).ToProblem();
        }

        var result = await lifecycle.CheckOutAsync(visit, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new KioskCheckOutDto(visit.Id.Value, $"Goodbye, {decision.Person!.FirstName}!", result.Value!.CheckedOutAt!.Value));
    }
}
