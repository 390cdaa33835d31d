using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// The durable record of one decision (R-DEC-02, R-DEC-04). Append-only: the only later addition is the staff
/// decision of a manual entry with warnings (R-STU-07), kept in its own table and joined on read.
/// <see cref="Organization"/>, <see cref="Site"/> and the other references are null when the scan could not be
/// resolved (unknown device, R-DEC-03); they are plain values, not foreign keys, because events outlive the rows
/// they name (a collected card, an erased visitor, R-VIS-10).
/// </summary>
public sealed record AccessEvent
{
    /// <summary>Assigned by the store; leave default when appending.</summary>
    public AccessEventId Id { get; init; }

    public OrganizationId? Organization { get; init; }

    public required DeviceId Device { get; init; }

    public SiteId? Site { get; init; }

    public ZoneId? Zone { get; init; }

    public CredentialId? Credential { get; init; }

    public PersonId? Person { get; init; }

    public Direction Direction { get; init; }

    /// <summary>The scan's instant (UTC when stored).</summary>
    public required DateTimeOffset At { get; init; }

    public required Outcome Outcome { get; init; }

    public IReadOnlyList<ReasonCode> Reasons { get; init; } = [];

    public AccessLogicId? Logic { get; init; }

    public int LogicVersion { get; init; }

    public EntryMode Mode { get; init; }

    public VisitReason VisitReason { get; init; } = VisitReason.None;

    public string DisplayText { get; init; } = "";

    /// <summary>The device's request id, unique per device (R-DEC-05); null when the device sent none.</summary>
    public string? RequestId { get; init; }

    public bool PreVerification { get; init; }

    /// <summary>The side effects applied with this event (failed ones are not included).</summary>
    public DecisionActions Actions { get; init; }

    /// <summary>False for a denial whose logic does not log unsuccessful scans: counted, not listed (R-GYM-21).</summary>
    public bool Listed { get; init; } = true;

    /// <summary>Set when a receptionist allowed or refused a manual entry with warnings (R-STU-07).</summary>
    public StaffDecision? StaffDecision { get; init; }
}
