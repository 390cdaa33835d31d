using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Memberships;

/// <summary>Manual presence at the desk (R-GYM-15) and who is inside now (R-OPS-04).</summary>
public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresence(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Presence").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/presence", async (long? siteId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListPresenceAsync(s.Organization, siteId is { } id ? new SiteId(id) : null, ct)).Select(PresenceDto.From).ToArray()));
        group.MapPost("/people/{personId:long}/presence", MarkAsync).WithSummary("Tick presence by hand: 409 when already present at that site.");
        group.MapDelete("/people/{personId:long}/presence/{siteId:long}", async (long personId, long siteId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.ClearPresenceAsync(s.Organization, new PersonId(personId), new SiteId(siteId), ct)).Reply("presence"));
        return app;
    }

    private static async Task<Results<Ok<PresenceDto>, ProblemHttpResult>> MarkAsync(long personId, PresenceRequest request, StaffClaims staff, IGatehouseStore store, TimeProvider time, CancellationToken ct)
    {
        var presence = new Presence(new PersonId(personId), new SiteId(request.SiteId), time.GetUtcNow(), MarkedByStaff: true, request.ZoneId is { } z ? new ZoneId(z) : null);
        var result = await store.MarkPresentAsync(staff.Organization, presence, ct);
        return result.IsOk ? TypedResults.Ok(PresenceDto.From(presence)) : result.ToApiError("person").ToProblem();
    }
}
