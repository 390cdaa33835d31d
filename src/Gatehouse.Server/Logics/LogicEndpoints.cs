using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Logics;

/// <summary>
/// Access logic definitions (R-GYM-01): list, create (from a preset), edit (bumps the version), delete (refused
/// with 409 while a device uses it). Only owners and administrators change them (R-OPS-01).
/// </summary>
public static class LogicEndpoints
{
    public static IEndpointRouteBuilder MapLogics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/access-logic-presets", () => TypedResults.Ok(AccessLogicPresets.All.Select(p => new PresetDto(p.Key, p.Name, p.Description)).ToArray()))
            .WithTags("Access logic").RequireAuthorization(StaffPolicies.Staff);
        var group = app.MapGroup("/api/v1/access-logics").WithTags("Access logic").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(StaffPolicies.Administrator).WithSummary("Edit: every change bumps the version.");
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(StaffPolicies.Administrator).WithSummary("Refused with 409 while a device uses the logic.");
        return app;
    }

    private static async Task<Ok<LogicDto[]>> ListAsync(StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListLogicsAsync(staff.Organization, ct)).Select(LogicDto.From).ToArray());

    private static async Task<Results<Ok<LogicDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetLogicAsync(staff.Organization, new AccessLogicId(id), ct), "access logic", id, LogicDto.From);

    private static async Task<Results<Ok<LogicDto>, ProblemHttpResult>> CreateAsync(LogicRequest request, StaffClaims staff, IGatehouseStore store, TimeProvider time, CancellationToken ct)
    {
        AccessLogic start;
        if (request.Preset is { } key)
        {
            if (AccessLogicPresets.Find(key) is not { } preset)
            {
                return ApiError.Field("preset", $"There is no preset '{key}'. Known: {string.Join(", ", AccessLogicPresets.All.Select(p => p.Key))}.").ToProblem();
            }

            start = preset.Create(default, staff.Organization, time.GetUtcNow());
        }
        else if (request.Name is null)
        {
            return ApiError.Field("name", "Give a name, or a preset to start from.").ToProblem();
        }
        else
        {
            start = new AccessLogic { Id = default, Organization = staff.Organization, Name = request.Name };
        }

        var logic = Merge(start, request);
        return Invalid(logic) is { } invalid ? invalid.ToProblem() : (await store.AddLogicAsync(logic, ct)).Reply("access logic", LogicDto.From);
    }

    private static async Task<Results<Ok<LogicDto>, ProblemHttpResult>> UpdateAsync(long id, LogicRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var current = await store.GetLogicAsync(staff.Organization, new AccessLogicId(id), ct);
        if (current is null)
        {
            return StoreErrors.NotFound("access logic", id);
        }

        var logic = Merge(current, request);
        return Invalid(logic) is { } invalid ? invalid.ToProblem() : (await store.UpdateLogicAsync(logic, ct)).Reply("access logic", LogicDto.From);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var result = await store.DeleteLogicAsync(staff.Organization, new AccessLogicId(id), ct);
        return result.Error == StoreError.InUse
            ? new ApiError.Conflict($"Access logic {id} is used by at least one device; give those devices another logic first. {result.Message}").ToProblem()
            : result.Reply("access logic");
    }

    private static AccessLogic Merge(AccessLogic logic, LogicRequest r) => logic with
    {
        Name = r.Name?.Trim() ?? logic.Name,
        Policy = r.Policy ?? logic.Policy,
        CustomPolicy = r.CustomPolicy ?? logic.CustomPolicy,
        Checks = r.Checks ?? logic.Checks,
        Advanced = r.Advanced ?? logic.Advanced,
        Actions = r.Actions ?? logic.Actions,
    };

    private static ApiError.Invalid? Invalid(AccessLogic logic)
    {
        var errors = logic.Validate();
        return errors.Count == 0
            ? null
            : new ApiError.Invalid(
                string.Join(" ", errors.Select(e => e.Message)),
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }
}
