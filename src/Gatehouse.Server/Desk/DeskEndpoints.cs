using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Events;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Desk;

/// <summary>
/// The front desk page's operations as API (R-OPS-06): search by card, name or email; a member's status at a desk
/// without storing anything; check a member in at a desk (stored as a scan there). Allow/refuse, identity
/// validation and presence are the events, people and presence endpoints.
/// </summary>
public static class DeskEndpoints
{
    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/desk").WithTags("Front desk").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/search", SearchAsync).WithSummary("Members by card number, or by name or email prefix.");
        group.MapGet("/people/{id:long}/status", StatusAsync).WithSummary("The member's status at the desk now, nothing stored (R-STU-07, R-STU-09).");
        group.MapGet("/entries/{id:long}", EntryAsync).WithSummary("A stored entry at a desk with the member's pass, next booking and balances.");
        group.MapPost("/people/{id:long}/check-in", CheckInAsync).WithSummary("Check the member in at the desk: decided and stored like a scan there (R-STU-01).");
        return app;
    }

    private static async Task<Ok<PersonRefDto[]>> SearchAsync(string? q, StaffClaims staff, FrontDesk desk, CancellationToken ct) =>
        TypedResults.Ok((await desk.SearchAsync(staff.Organization, q ?? string.Empty, ct)).Select(p => PersonRefDto.From(p)!).ToArray());

    private static async Task<Results<Ok<DeskStatusDto>, ProblemHttpResult>> StatusAsync(long id, long? deskId, StaffClaims staff, FrontDesk desk, IGatehouseStore store, CancellationToken ct)
    {
        if (await desk.DeskOfAsync(staff, deskId, ct) is not { } device)
        {
            return ApiError.Field("deskId", "Give the desk (device) to check at; receptionists use their own.").ToProblem();
        }

        var view = await desk.ViewAsync(staff, device, new PersonId(id), ct);
        return view.Error is { } error ? error.ToProblem() : TypedResults.Ok(DeskStatusDto.From(view.Value!, store));
    }

    private static async Task<Results<Ok<DeskStatusDto>, ProblemHttpResult>> EntryAsync(long id, bool? refresh, StaffClaims staff, FrontDesk desk, IGatehouseStore store, CancellationToken ct)
    {
        var view = await desk.ViewEventAsync(staff, new AccessEventId(id), refresh ?? false, ct);
        return view.Error is { } error ? error.ToProblem() : TypedResults.Ok(DeskStatusDto.From(view.Value!, store));
    }

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> CheckInAsync(long id, long? deskId, StaffClaims staff, FrontDesk desk, IGatehouseStore store, CancellationToken ct)
    {
        if (await desk.DeskOfAsync(staff, deskId, ct) is not { } device)
        {
            return ApiError.Field("deskId", "Give the desk (device) to check in at; receptionists use their own.").ToProblem();
        }

        var entry = await desk.CheckInAsync(staff, device, new PersonId(id), ct);
        return entry.Error is { } error ? error.ToProblem() : TypedResults.Ok(EventDto.From(entry.Value!, store.Index));
    }
}
