using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Topology;

/// <summary>Sites of the signed-in user's organization, and their live occupancy (R-OPS-04).</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSites(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites").WithTags("Sites").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapGet("/{id:long}/occupancy", OccupancyAsync).WithSummary("People present now per site and zone, against capacity (R-OPS-04).");
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(StaffPolicies.Administrator);
        return app;
    }

    private static async Task<Ok<SiteDto[]>> ListAsync(StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListSitesAsync(staff.Organization, ct)).Select(SiteDto.From).ToArray());

    private static async Task<Results<Ok<SiteDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetSiteAsync(staff.Organization, new SiteId(id), ct), "site", id, SiteDto.From);

    private static async Task<Results<Ok<SiteDto>, ProblemHttpResult>> CreateAsync(SiteRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var site = ToSite(request, staff.Organization, default);
        return site.Error is { } error ? error.ToProblem() : (await store.AddSiteAsync(site.Value!, ct)).Reply("site", SiteDto.From);
    }

    private static async Task<Results<Ok<SiteDto>, ProblemHttpResult>> UpdateAsync(long id, SiteRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var site = ToSite(request, staff.Organization, new SiteId(id));
        if (site.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateSiteAsync(site.Value!, ct);
        return result.IsOk ? TypedResults.Ok(SiteDto.From(site.Value!)) : result.ToApiError("site").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeleteSiteAsync(staff.Organization, new SiteId(id), ct)).Reply("site");

    private static async Task<Results<Ok<OccupancyDto>, ProblemHttpResult>> OccupancyAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var site = await store.GetSiteAsync(staff.Organization, new SiteId(id), ct);
        if (site is null)
        {
            return StoreErrors.NotFound("site", id);
        }

        var zones = await store.ListZonesAsync(staff.Organization, site.Id, ct);
        var index = store.Index;
        return TypedResults.Ok(new OccupancyDto(
            id,
            index.Occupancy(site.Id),
            site.Capacity,
            zones.Select(z => new ZoneOccupancyDto(z.Id.Value, z.Name, index.Occupancy(site.Id, z.Id), z.Capacity)).ToArray()));
    }

    private static ApiResult<Site> ToSite(SiteRequest request, OrganizationId org, SiteId id)
    {
        if (Validate.Name(request.Name, "name") is { } invalid)
        {
            return invalid;
        }

        var zone = Validate.TimeZone(request.TimeZone);
        if (zone.Error is { } error)
        {
            return error;
        }

        if (request.Latitude is null != request.Longitude is null
            || request.Latitude is { } lat && double.Abs(lat) > 90 || request.Longitude is { } lon && double.Abs(lon) > 180)
        {
            return ApiError.Field("latitude", "Give both latitude (±90) and longitude (±180), or neither.");
        }

        if (request.Capacity is < 0)
        {
            return ApiError.Field("capacity", "Capacity cannot be negative.");
        }

        var position = request.Latitude is { } la && request.Longitude is { } lo ? new GeoPoint(la, lo) : (GeoPoint?)null;
        return new Site(id, org, request.Name!.Trim(), zone.Value!, position, request.Capacity);
    }
}
