using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Server.Devices;
using Gatehouse.Storage;

namespace Gatehouse.Server.Events;

/// <summary>A stored decision as reports and visit lists show it (R-STU-10, R-STU-11).</summary>
public sealed record EventDto(
    long Id,
    DateTimeOffset At,
    Outcome Outcome,
    IReadOnlyList<ReasonDto> Reasons,
    long DeviceId,
    long? SiteId,
    long? ZoneId,
    long? PersonId,
    string? PersonName,
    long? CredentialId,
    Direction Direction,
    EntryMode Mode,
    LogicRefDto? Logic,
    VisitReasonDto VisitReason,
    string DisplayText,
    IReadOnlyList<string> Actions,
    bool Listed,
    bool PreVerification,
    string? RequestId,
    StaffDecisionDto? StaffDecision)
{
    public static EventDto From(AccessEvent e, IAccessDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(directory);
        var person = e.Person is { } p ? directory.FindEntitlements(p)?.Person : null;
        return new EventDto(
            e.Id.Value, e.At, e.Outcome, e.Reasons.Select(ReasonDto.From).ToArray(), e.Device.Value, e.Site?.Value, e.Zone?.Value,
            e.Person?.Value, person?.FullName, e.Credential?.Value, e.Direction, e.Mode,
            e.Logic is { } l ? new LogicRefDto(l.Value, e.LogicVersion) : null, VisitReasonDto.From(e.VisitReason), e.DisplayText,
            ScanResponses.ActionNames(e.Actions), e.Listed, e.PreVerification, e.RequestId,
            e.StaffDecision is { } d ? new StaffDecisionDto(d.Allowed, d.By.Value, d.At) : null);
    }
}
