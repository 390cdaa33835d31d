using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Topology;

/// <summary>The signed-in user's own organization; there is no way to name another (R-OPS-01).</summary>
public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organization").WithTags("Organization").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", GetAsync);
        group.MapPut("/", RenameAsync).RequireAuthorization(StaffPolicies.Administrator);
        return app;
    }

    private static async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> GetAsync(StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetOrganizationAsync(staff.Organization, ct), "organization", staff.Organization.Value, o => new OrganizationDto(o.Id.Value, o.Name));

    private static async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> RenameAsync(OrganizationDto request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (Validate.Name(request.Name, "name") is { } invalid)
        {
            return invalid.ToProblem();
        }

        var current = await store.GetOrganizationAsync(staff.Organization, ct);
        if (current is null)
        {
            return StoreErrors.NotFound("organization", staff.Organization.Value);
        }

        var result = await store.UpdateOrganizationAsync(current with { Name = request.Name.Trim() }, ct);
        return result.IsOk ? TypedResults.Ok(new OrganizationDto(current.Id.Value, request.Name.Trim())) : result.ToApiError("organization").ToProblem();
    }
}
