using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Topology;

/// <summary>Access levels for visitors and employees (R-VIS-03, R-EMP-03).</summary>
public static class LevelEndpoints
{
    public static IEndpointRouteBuilder MapLevels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/access-levels").WithTags("Access levels").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(StaffPolicies.Administrator);
        return app;
    }

    private static async Task<Ok<LevelDto[]>> ListAsync(StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListLevelsAsync(staff.Organization, ct)).Select(LevelDto.From).ToArray());

    private static async Task<Results<Ok<LevelDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetLevelAsync(staff.Organization, new AccessLevelId(id), ct), "access level", id, LevelDto.From);

    private static async Task<Results<Ok<LevelDto>, ProblemHttpResult>> CreateAsync(LevelRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (Validate.Name(request.Name, "name") is { } invalid)
        {
            return invalid.ToProblem();
        }

        var level = new AccessLevel(default, staff.Organization, request.Name!.Trim(), (request.ZoneIds ?? []).Select(z => new ZoneId(z)).ToArray());
        return (await store.AddLevelAsync(level, ct)).Reply("access level", LevelDto.From);
    }

    private static async Task<Results<Ok<LevelDto>, ProblemHttpResult>> UpdateAsync(long id, LevelRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (Validate.Name(request.Name, "name") is { } invalid)
        {
            return invalid.ToProblem();
        }

        var level = new AccessLevel(new AccessLevelId(id), staff.Organization, request.Name!.Trim(), (request.ZoneIds ?? []).Select(z => new ZoneId(z)).ToArray());
        var result = await store.UpdateLevelAsync(level, ct);
        return result.IsOk ? TypedResults.Ok(LevelDto.From(level)) : result.ToApiError("access level").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeleteLevelAsync(staff.Organization, new AccessLevelId(id), ct)).Reply("access level");
}
