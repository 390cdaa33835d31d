using Gatehouse.Engine.Model;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gatehouse.Server.Auth;

/// <summary>Staff users of the organization (R-OPS-01): owners and administrators manage them; only an owner makes owners.</summary>
public static class StaffUserEndpoints
{
    public const int MinPasswordLength = 10;

    public static IEndpointRouteBuilder MapStaffUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Staff sign-in").RequireAuthorization(StaffPolicies.Administrator);
        group.MapGet("/", async (StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListStaffUsersAsync(s.Organization, ct)).Select(StaffUserDto.From).ToArray()));
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<StaffUserDto>, ProblemHttpResult>> CreateAsync(
        StaffUserRequest request, StaffClaims staff, IGatehouseStore store, IPasswordHasher<StaffUser> hasher, CancellationToken ct)
    {
        if (Validate.Name(request.Username, "username", 200) is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (request.Password is not { Length: >= MinPasswordLength })
        {
            return ApiError.Field("password", $"The password needs at least {MinPasswordLength} characters.").ToProblem();
        }

        if (request.Role == StaffRole.Owner && staff.Role != StaffRole.Owner)
        {
            return new ApiError.Forbidden("Only an owner can make another owner.").ToProblem();
        }

        Device? desk = null;
        if (request.Role == StaffRole.Receptionist)
        {
            desk = request.DeskDeviceId is { } id ? await store.GetDeviceAsync(staff.Organization, new DeviceId(id), ct) : null;
            if (desk is null)
            {
                return ApiError.Field("deskDeviceId", "A receptionist needs the desk device of this organization they work at.").ToProblem();
            }
        }

        var user = new StaffUser(default, staff.Organization, request.Username!.Trim(), string.Empty, request.Role, Desk: desk?.Id, Site: desk?.Site);
        user = user with { PasswordHash = hasher.HashPassword(user, request.Password) };
        return (await store.AddStaffUserAsync(user, ct)).Reply("staff user", StaffUserDto.From);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (id == staff.UserId)
        {
            return new ApiError.Conflict("You cannot delete yourself.").ToProblem();
        }

        var target = await store.GetStaffUserAsync(staff.Organization, new StaffUserId(id), ct);
        if (target is null)
        {
            return StoreErrors.NotFound("staff user", id);
        }

        if (target.Role == StaffRole.Owner && staff.Role != StaffRole.Owner)
        {
            return new ApiError.Forbidden("Only an owner can remove an owner.").ToProblem();
        }

        return (await store.DeleteStaffUserAsync(staff.Organization, target.Id, ct)).Reply("staff user");
    }
}
