using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Events;

/// <summary>
/// Visits of the day (R-STU-10): a receptionist sees the manual entries of their own desk and every automatic entry;
/// owners and administrators see every visit. The list covers the site's local day, so it starts empty each day.
/// </summary>
public static class VisitEndpoints
{
    public static IEndpointRouteBuilder MapVisits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/visits/today", TodayAsync).WithTags("Events and reports").RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("The visits of the site's local day, as the signed-in role may see them (R-STU-10).");
        return app;
    }

    private static async Task<Results<Ok<EventDto[]>, ProblemHttpResult>> TodayAsync(long? siteId, StaffClaims staff, IGatehouseStore store, TimeProvider time, CancellationToken ct)
    {
        var id = siteId ?? staff.Site?.Value;
        if (id is null)
        {
            return ApiError.Field("siteId", "Give the site whose visits to list.").ToProblem();
        }

        var site = await store.GetSiteAsync(staff.Organization, new SiteId(id.Value), ct);
        if (site is null)
        {
            return StoreErrors.NotFound("site", id.Value);
        }

        var (from, until) = LocalDay(site, time.GetUtcNow());
        var day = new EventQuery(staff.Organization) { Site = site.Id, From = from, Until = until, Limit = 1000 };
        IEnumerable<AccessEvent> visits;
        if (staff.IsAdministrator)
        {
            visits = (await store.QueryEventsAsync(day, ct)).Items;
        }
        else
        {
            var automatic = await store.QueryEventsAsync(day with { Mode = EntryMode.Automatic }, ct);
            var ownDesk = staff.Desk is { } desk ? (await store.QueryEventsAsync(day with { Mode = EntryMode.Manual, Device = desk }, ct)).Items : [];
            visits = automatic.Items.Concat(ownDesk).OrderByDescending(e => e.At).ThenByDescending(e => e.Id.Value);
        }

        return TypedResults.Ok(visits.Select(e => EventDto.From(e, store.Index)).ToArray());
    }

    /// <summary>The site's local midnight to the next one, as instants (R-DEC-06: a DST day has 23 or 25 hours).</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) LocalDay(Site site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(site);
        var local = TimeZoneInfo.ConvertTime(now, site.TimeZone);
        var midnight = local.Date;
        return (Instant(midnight, site.TimeZone), Instant(midnight.AddDays(1), site.TimeZone));
    }

    private static DateTimeOffset Instant(DateTime localMidnight, TimeZoneInfo zone)
    {
        // A midnight skipped by DST does not exist: the day then starts at the first valid local time after it.
        while (zone.IsInvalidTime(localMidnight))
        {
            localMidnight = localMidnight.AddMinutes(30);
        }

        return new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight));
    }
}
