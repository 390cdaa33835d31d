using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// The desk and API side of visitors (R-VIS-01…10): pre-register, read, the invitation image, check-in and
/// check-out, a physical card from the desk, and erasure on request. Ids are visit ids.
/// </summary>
public static class VisitorEndpoints
{
    public static IEndpointRouteBuilder MapVisitorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/visitors").WithTags("Visitors").RequireAuthorization(StaffPolicies.Staff);
        group.MapPost("/", PreRegisterAsync).WithSummary("Pre-register a visitor: profile, token, pass, invitation mail with the QR (R-VIS-01/02).");
        group.MapGet("/", ListAsync).WithSummary("Visits, newest first.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One visit, with its credentials and timed jobs.");
        group.MapGet("/{id:long}/invitation.png", InvitationImageAsync).WithSummary("The invitation's QR code as a PNG image (R-VIS-02).");
        group.MapPost("/{id:long}/invitation", ResendInvitationAsync).WithSummary("Send the invitation mail again (R-VIS-02).");
        group.MapPost("/{id:long}/check-in", CheckInAsync).WithSummary("Check the visitor in at the desk (R-VIS-06).");
        group.MapPost("/{id:long}/check-out", CheckOutAsync).WithSummary("Check the visitor out: physical cards are removed at once (R-VIS-07).");
        group.MapPost("/{id:long}/cards", AddCardAsync).WithSummary("Hand the visitor a physical card or token (R-VIS-07).");
        group.MapDelete("/{id:long}/personal-data", EraseAsync).RequireAuthorization(StaffPolicies.Administrator)
            .WithSummary("Erase the visitor's personal data now; refused while a visit is pending (R-VIS-10).");
        return app;
    }

    private static async Task<Results<Created<VisitorDto>, ProblemHttpResult>> PreRegisterAsync(
        PreRegistration request, StaffClaims staff, VisitorRegistration registration, VisitorViews views, CancellationToken ct)
    {
        var visit = await registration.PreRegisterAsync(staff.Organization, request, ct);
        return visit.Error is { } error
            ? error.ToProblem()
            : TypedResults.Created($"/api/v1/visitors/{visit.Value!.Id}", await views.ToDtoAsync(visit.Value, ct));
    }

    private static async Task<Ok<VisitorDto[]>> ListAsync(long? siteId, StaffClaims staff, IVisitorStore visitors, VisitorViews views, CancellationToken ct)
    {
        var list = await visitors.ListVisitsAsync(staff.Organization, siteId is { } site ? new SiteId(site) : null, cancellationToken: ct);
        var result = new List<VisitorDto>(list.Count);
        foreach (var visit in list.Take(500))
        {
            result.Add(await views.ToDtoAsync(visit, ct));
        }

        return TypedResults.Ok(result.ToArray());
    }

    private static async Task<Results<Ok<VisitorDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IVisitorStore visitors, VisitorViews views, CancellationToken ct) =>
        await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is { } visit
            ? TypedResults.Ok(await views.ToDtoAsync(visit, ct))
            : StoreErrors.NotFound("visitor", id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InvitationImageAsync(
        long id, StaffClaims staff, IVisitorStore visitors, IGatehouseStore store, CancellationToken ct)
    {
        var visit = await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct);
        var organization = store.Index.FindOrganization(staff.Organization);
        if (visit is null || organization is null)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        return VisitorQr.Text(organization, visit) is { } text
            ? TypedResults.File(QrImage.Png(text), "image/png", $"visit-{id}.png")
            : new ApiError.Conflict("The visitor's personal data was erased.").ToProblem();
    }

    private static async Task<Results<Ok<VisitorDto>, ProblemHttpResult>> ResendInvitationAsync(
        long id, StaffClaims staff, IVisitorStore visitors, VisitorRegistration registration, VisitorViews views, CancellationToken ct)
    {
        if (await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is not { } visit)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        var result = await registration.ResendInvitationAsync(visit, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(await views.ToDtoAsync(result.Value!, ct));
    }

    private static async Task<Results<Ok<VisitorDto>, ProblemHttpResult>> CheckInAsync(
        long id, StaffClaims staff, IVisitorStore visitors, VisitorLifecycle lifecycle, VisitorViews views, CancellationToken ct)
    {
        if (await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is not { } visit)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        var result = await lifecycle.CheckInAsync(visit, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(await views.ToDtoAsync(visit, ct));
    }

    private static async Task<Results<Ok<VisitorDto>, ProblemHttpResult>> CheckOutAsync(
        long id, StaffClaims staff, IVisitorStore visitors, VisitorLifecycle lifecycle, VisitorViews views, CancellationToken ct)
    {
        if (await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is not { } visit)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        var result = await lifecycle.CheckOutAsync(visit, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(await views.ToDtoAsync(visit, ct));
    }

    private static async Task<Results<Ok<VisitorDto>, ProblemHttpResult>> AddCardAsync(
        long id, AddCardRequest request, StaffClaims staff, IVisitorStore visitors, IGatehouseStore store, VisitorLifecycle lifecycle, VisitorViews views, CancellationToken ct)
    {
        if (Validate.Name(request.Number, "number", 128) is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is not { } visit)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        if (await lifecycle.CurrentPassAsync(visit, ct) is not { CheckedOutAt: null })
        {
            return new ApiError.Conflict("The visit is over: no card can be added to it.").ToProblem();
        }

        var card = new Credential(default, visit.Person, CredentialKind.Card, request.Number.Trim(), CredentialFlags.Physical);
        var issued = await store.IssueCredentialAsync(staff.Organization, card, ct);
        return issued.IsOk ? TypedResults.Ok(await views.ToDtoAsync(visit, ct)) : issued.ToResult().ToApiError("credential").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(long id, StaffClaims staff, IVisitorStore visitors, VisitorLifecycle lifecycle, CancellationToken ct)
    {
        if (await visitors.GetVisitAsync(staff.Organization, new VisitId(id), ct) is not { } visit)
        {
            return StoreErrors.NotFound("visitor", id);
        }

        var result = await lifecycle.EraseAsync(staff.Organization, visit.Person, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
    }
}
