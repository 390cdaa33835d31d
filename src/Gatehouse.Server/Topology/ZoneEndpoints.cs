using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Topology;

/// <summary>Zones of the organization's sites.</summary>
public static class ZoneEndpoints
{
    public static IEndpointRouteBuilder MapZones(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/zones").WithTags("Zones").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(StaffPolicies.Administrator);
        return app;
    }

    private static async Task<Ok<ZoneDto[]>> ListAsync(long? siteId, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListZonesAsync(staff.Organization, siteId is { } s ? new SiteId(s) : null, ct)).Select(ZoneDto.From).ToArray());

    private static async Task<Results<Ok<ZoneDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetZoneAsync(staff.Organization, new ZoneId(id), ct), "zone", id, ZoneDto.From);

    private static async Task<Results<Ok<ZoneDto>, ProblemHttpResult>> CreateAsync(ZoneRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (Check(request) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var zone = new Zone(default, new SiteId(request.SiteId), request.Name!.Trim(), request.Type, request.Capacity);
        return (await store.AddZoneAsync(staff.Organization, zone, ct)).Reply("zone", ZoneDto.From);
    }

    private static async Task<Results<Ok<ZoneDto>, ProblemHttpResult>> UpdateAsync(long id, ZoneRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (Check(request) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var zone = new Zone(new ZoneId(id), new SiteId(request.SiteId), request.Name!.Trim(), request.Type, request.Capacity);
        var result = await store.UpdateZoneAsync(staff.Organization, zone, ct);
        return result.IsOk ? TypedResults.Ok(ZoneDto.From(zone)) : result.ToApiError("zone").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeleteZoneAsync(staff.Organization, new ZoneId(id), ct)).Reply("zone");

    private static ApiError.Invalid? Check(ZoneRequest request) =>
        Validate.Name(request.Name, "name")
        ?? (request.Capacity is < 0 ? ApiError.Field("capacity", "Capacity cannot be negative.") : null);
}
