using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Devices;

/// <summary>Devices and their secrets (R-OPS-02). Receptionists may look, not change (R-OPS-01).</summary>
public static class DeviceAdminEndpoints
{
    public static IEndpointRouteBuilder MapDeviceAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/devices").WithTags("Devices").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        var admin = group.MapGroup("").RequireAuthorization(StaffPolicies.Administrator);
        admin.MapPost("/", CreateAsync).WithSummary("Create a device; the answer carries its secret, shown only this once.");
        admin.MapPut("/{id:long}", UpdateAsync);
        admin.MapDelete("/{id:long}", DeleteAsync);
        admin.MapPost("/{id:long}/secret", RotateAsync).WithSummary("Rotate: a new secret replaces every earlier one (R-OPS-02).");
        admin.MapDelete("/{id:long}/secret", RevokeAsync).WithSummary("Revoke: the device can no longer authenticate (R-OPS-02).");
        admin.MapPost("/{id:long}/disable", (long id, StaffClaims staff, IGatehouseStore store, Heartbeats beats, CancellationToken ct) => SetEnabledAsync(id, false, staff, store, beats, ct));
        admin.MapPost("/{id:long}/enable", (long id, StaffClaims staff, IGatehouseStore store, Heartbeats beats, CancellationToken ct) => SetEnabledAsync(id, true, staff, store, beats, ct));
        return app;
    }

    private static async Task<Ok<DeviceDto[]>> ListAsync(long? siteId, StaffClaims staff, IGatehouseStore store, Heartbeats beats, CancellationToken ct) =>
        TypedResults.Ok((await store.ListDevicesAsync(staff.Organization, siteId is { } s ? new SiteId(s) : null, ct)).Select(d => DeviceDto.From(d, beats.LastSeen(d.Id))).ToArray());

    private static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, Heartbeats beats, CancellationToken ct) =>
        StoreErrors.Found(await store.GetDeviceAsync(staff.Organization, new DeviceId(id), ct), "device", id, d => DeviceDto.From(d, beats.LastSeen(d.Id)));

    private static async Task<Results<Ok<CreatedDeviceDto>, ProblemHttpResult>> CreateAsync(DeviceRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var device = ToDevice(request, staff.Organization, default);
        if (device.Error is { } error)
        {
            return error.ToProblem();
        }

        var added = await store.AddDeviceAsync(device.Value!, ct);
        if (!added.IsOk || added.Value is null)
        {
            return added.ToResult().ToApiError("device").ToProblem();
        }

        var secret = await NewSecretAsync(store, staff.Organization, added.Value.Id, ct);
        return secret.Error is { } failed ? failed.ToProblem() : TypedResults.Ok(new CreatedDeviceDto(DeviceDto.From(added.Value), secret.Value!));
    }

    private static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> UpdateAsync(long id, DeviceRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var device = ToDevice(request, staff.Organization, new DeviceId(id));
        if (device.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateDeviceAsync(device.Value!, ct);
        return result.IsOk ? TypedResults.Ok(DeviceDto.From(device.Value!)) : result.ToApiError("device").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeleteDeviceAsync(staff.Organization, new DeviceId(id), ct)).Reply("device");

    private static async Task<Results<Ok<DeviceSecretDto>, ProblemHttpResult>> RotateAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var secret = await NewSecretAsync(store, staff.Organization, new DeviceId(id), ct);
        return secret.Error is { } error ? error.ToProblem() : TypedResults.Ok(secret.Value!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.RevokeDeviceSecretsAsync(staff.Organization, new DeviceId(id), ct)).Reply("device");

    private static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> SetEnabledAsync(long id, bool enabled, StaffClaims staff, IGatehouseStore store, Heartbeats beats, CancellationToken ct)
    {
        var device = await store.GetDeviceAsync(staff.Organization, new DeviceId(id), ct);
        if (device is null)
        {
            return StoreErrors.NotFound("device", id);
        }

        var changed = device with { Enabled = enabled };
        var result = await store.UpdateDeviceAsync(changed, ct);
        return result.IsOk ? TypedResults.Ok(DeviceDto.From(changed, beats.LastSeen(changed.Id))) : result.ToApiError("device").ToProblem();
    }

    private static async Task<ApiResult<DeviceSecretDto>> NewSecretAsync(IGatehouseStore store, OrganizationId org, DeviceId device, CancellationToken ct)
    {
        var secret = DeviceSecretHash.Generate();
        var stored = await store.RotateDeviceSecretAsync(org, device, DeviceSecretHash.Hash(secret), ct);
        return stored.IsOk && stored.Value is not null
            ? new DeviceSecretDto(device.Value, secret, stored.Value.CreatedAt, $"Device {device.Value}:{secret}")
            : stored.ToResult().ToApiError("device");
    }

    private static ApiResult<Device> ToDevice(DeviceRequest r, OrganizationId org, DeviceId id)
    {
        if (Validate.Name(r.Name, "name") is { } invalid)
        {
            return invalid;
        }

        if (r.GeofenceRadiusMeters is <= 0 || (r.GeofenceRadiusMeters is not null && (r.Latitude is null || r.Longitude is null)))
        {
            return ApiError.Field("geofenceRadiusMeters", "A geofence needs a positive radius and the door's latitude and longitude.");
        }

        var position = r.Latitude is { } lat && r.Longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return new Device(id, org, new SiteId(r.SiteId), new ZoneId(r.ZoneId), r.Name!.Trim(), r.Kind, r.Direction, r.Mode, new AccessLogicId(r.LogicId), r.Enabled, r.GeofenceRadiusMeters, position, r.Checkpoint);
    }
}
