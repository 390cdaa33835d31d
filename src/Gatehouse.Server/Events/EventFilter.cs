using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;

namespace Gatehouse.Server.Events;

/// <summary>
/// The query string of the event endpoints (R-STU-11): period [from, until), site, zone, device, person, outcome,
/// reason code, visit reason kind, entry mode; paging with limit and after.
/// </summary>
public readonly record struct EventFilter(
    DateTimeOffset? From,
    DateTimeOffset? Until,
    long? SiteId,
    long? ZoneId,
    long? DeviceId,
    long? PersonId,
    Outcome? Outcome,
    ReasonCode? Reason,
    VisitReasonKind? VisitReason,
    EntryMode? Mode,
    bool? IncludeUnlisted,
    bool? IncludePreVerifications,
    int? Limit,
    string? After)
{
    public ApiResult<EventQuery> ToQuery(OrganizationId organization)
    {
        if (From is { } from && Until is { } until && until < from)
        {
            return ApiError.Field("until", $"until ({until:O}) is before from ({from:O}).");
        }

        if (Limit is < 1 or > 1000)
        {
            return ApiError.Field("limit", "limit must be between 1 and 1000.");
        }

        if (!EventCursorText.TryParse(After, out var cursor))
        {
            return ApiError.Field("after", "after must be the 'next' value of a previous page.");
        }

        return new EventQuery(organization)
        {
            From = From,
            Until = Until,
            Site = SiteId is { } s ? new SiteId(s) : null,
            Zone = ZoneId is { } z ? new ZoneId(z) : null,
            Device = DeviceId is { } d ? new DeviceId(d) : null,
            Person = PersonId is { } p ? new PersonId(p) : null,
            Outcome = Outcome,
            Reason = Reason,
            VisitReason = VisitReason,
            Mode = Mode,
            IncludeUnlisted = IncludeUnlisted ?? false,
            IncludePreVerifications = IncludePreVerifications ?? false,
            Limit = Limit ?? 100,
            After = cursor,
        };
    }
}
