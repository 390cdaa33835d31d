using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Desk;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Events;

/// <summary>
/// Events: the access monitoring report over any period with filters, CSV export and counts per day and hour
/// (R-STU-11); one event; the staff decision on a warning (R-STU-07).
/// </summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").WithTags("Events and reports").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", QueryAsync).WithSummary("Visits and decisions, newest first, filtered (R-STU-11).");
        group.MapGet("/export.csv", ExportAsync).WithSummary("The same filters as CSV (R-STU-11).");
        group.MapGet("/counts", CountAsync).WithSummary("Counts per local day (per=day) or per local hour (per=hour) by outcome (R-STU-11).");
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/{id:long}/staff-decision", DecideAsync).WithSummary("Allow or refuse a manual entry with warnings; records who (R-STU-07).");
        return app;
    }

    private static async Task<Results<Ok<EventPageDto>, ProblemHttpResult>> QueryAsync([AsParameters] EventFilter filter, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var query = filter.ToQuery(staff.Organization);
        if (query.Error is { } error)
        {
            return error.ToProblem();
        }

        var page = await store.QueryEventsAsync(query.Value!, ct);
        return TypedResults.Ok(new EventPageDto(
            page.Items.Select(e => EventDto.From(e, store.Index)).ToArray(),
            page.Next is { } next ? EventCursorText.Format(next) : null));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync([AsParameters] EventFilter filter, StaffClaims staff, IGatehouseStore store, HttpContext http, CancellationToken ct)
    {
        var query = filter.ToQuery(staff.Organization);
        if (query.Error is { } error)
        {
            return error.ToProblem();
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"gatehouse-events.csv\"";
        await EventCsv.WriteAsync(http.Response.Body, store.ExportEventsAsync(query.Value!, ct), store.Index, ct);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<EventCountDto[]>, ProblemHttpResult>> CountAsync(string? per, [AsParameters] EventFilter filter, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var query = filter.ToQuery(staff.Organization);
        if (query.Error is { } error)
        {
            return error.ToProblem();
        }

        var counts = (per ?? "day").ToLowerInvariant() switch
        {
            "day" => await store.CountPerDayAsync(query.Value!, ct),
            "hour" => await store.CountPerHourAsync(query.Value!, ct),
            _ => null,
        };
        return counts is null
            ? ApiError.Field("per", "per must be 'day' or 'hour'.").ToProblem()
            : TypedResults.Ok(counts.Select(EventCountDto.From).ToArray());
    }

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetEventAsync(staff.Organization, new AccessEventId(id), ct), "event", id, e => EventDto.From(e, store.Index));

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> DecideAsync(long id, StaffDecisionRequest request, StaffClaims staff, FrontDesk frontDesk, IGatehouseStore store, CancellationToken ct)
    {
        if (request.Allowed is not { } allowed)
        {
            return ApiError.Field("allowed", "allowed (true or false) is required.").ToProblem();
        }

        // The same path as the desk page's buttons (R-OPS-06): who may decide, and the held-back presence on allow.
        var decided = await frontDesk.DecideAsync(staff, new AccessEventId(id), allowed, ct);
        return decided.Error is { } error ? error.ToProblem() : TypedResults.Ok(EventDto.From(decided.Value!, store.Index));
    }
}
