using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The answer to a scan (R-DEC-01, R-DEC-02, R-STU-09): the outcome, every reason, the text to show, what justified
/// entry, the logic that decided, the side effects applied, and the id of the durable event (R-DEC-04).
/// </summary>
public sealed record ScanResponse
{
    public required Outcome Outcome { get; init; }

    public required IReadOnlyList<ReasonDto> Reasons { get; init; }

    public required string DisplayText { get; init; }

    public required VisitReasonDto VisitReason { get; init; }

    public PassDto? PassInUse { get; init; }

    public BookingDto? NextBooking { get; init; }

    public LogicRefDto? Logic { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public PersonRefDto? Person { get; init; }

    public long? CredentialId { get; init; }

    public required long DeviceId { get; init; }

    public long? SiteId { get; init; }

    public long? ZoneId { get; init; }

    public required Direction Direction { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A manual desk must confirm a warning before entry (R-STU-07).</summary>
    public bool AwaitsStaff { get; init; }

    public bool PreVerification { get; init; }

    /// <summary>Null for a pre-verification, which stores nothing (R-GYM-22).</summary>
    public long? EventId { get; init; }

    public string? RequestId { get; init; }
}
