using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// A filter over one organization's events (R-STU-10, R-STU-11). Period is <c>[From, Until)</c> in instants; to
/// ask for a local day, convert the site's local midnight to instants first. Results are newest first.
/// </summary>
public sealed record EventQuery(OrganizationId Organization)
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? Until { get; init; }

    public SiteId? Site { get; init; }

    public ZoneId? Zone { get; init; }

    public DeviceId? Device { get; init; }

    public PersonId? Person { get; init; }

    public Outcome? Outcome { get; init; }

    /// <summary>Events carrying this reason code.</summary>
    public ReasonCode? Reason { get; init; }

    /// <summary>Events whose visit reason is of this kind (R-STU-11 "reason" in the sense of visit reason).</summary>
    public VisitReasonKind? VisitReason { get; init; }

    public EntryMode? Mode { get; init; }

    /// <summary>Include denials that are only counted (R-GYM-21 log unsuccessful scans off). Counts always include them.</summary>
    public bool IncludeUnlisted { get; init; }

    /// <summary>Include pre-verifications (R-GYM-22); off by default since they are not visits.</summary>
    public bool IncludePreVerifications { get; init; }

    /// <summary>Page size, 1..1000.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Continue after this event (the previous page's <see cref="EventPage.Next"/>).</summary>
    public EventCursor? After { get; init; }
}
