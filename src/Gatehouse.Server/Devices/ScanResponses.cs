using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Storage;

namespace Gatehouse.Server.Devices;

/// <summary>Turns an engine decision into the wire answer.</summary>
public static class ScanResponses
{
    private static readonly DecisionActions[] AllActions = Enum.GetValues<DecisionActions>().Where(a => a != DecisionActions.None).ToArray();

    public static ScanResponse From(Decision decision, long? eventId, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var reasons = new ReasonDto[decision.Reasons.Count];
        for (var i = 0; i < reasons.Length; i++)
        {
            reasons[i] = ReasonDto.From(decision.Reasons[i]);
        }

        return new ScanResponse
        {
            Outcome = decision.Outcome,
            Reasons = reasons,
            DisplayText = decision.DisplayText,
            VisitReason = VisitReasonDto.From(decision.VisitReason),
            PassInUse = PassDto.From(decision.PassInUse),
            NextBooking = BookingDto.From(decision.NextBooking),
            Logic = decision.Logic is { } logic ? new LogicRefDto(logic.Value, decision.LogicVersion) : null,
            Actions = ActionNames(decision.Actions),
            Person = PersonRefDto.From(decision.Person),
            CredentialId = decision.Credential?.Value,
            DeviceId = decision.Device.Value,
            SiteId = decision.Site?.Value,
            ZoneId = decision.Zone?.Value,
            Direction = decision.Direction,
            At = decision.At,
            AwaitsStaff = decision.AwaitsStaff,
            PreVerification = decision.PreVerification,
            EventId = eventId,
            RequestId = requestId,
        };
    }

    /// <summary>
    /// The answer rebuilt from a stored event: for a repeated request id (R-DEC-05), or when the store overruled the
    /// decision because a side effect lost a race (the event, not the decision, is the truth).
    /// </summary>
    public static ScanResponse Replay(AccessEvent stored, IAccessDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(directory);
        var entitlements = stored.Person is { } person ? directory.FindEntitlements(person) : null;
        var pass = stored.VisitReason.Kind == VisitReasonKind.Contract && entitlements is not null
            ? entitlements.Contracts.FirstOrDefault(c => c.Id.Value == stored.VisitReason.Id)
            : null;
        return new ScanResponse
        {
            Outcome = stored.Outcome,
            Reasons = stored.Reasons.Select(ReasonDto.From).ToArray(),
            DisplayText = stored.DisplayText,
            VisitReason = VisitReasonDto.From(stored.VisitReason),
            PassInUse = PassDto.From(pass),
            Logic = stored.Logic is { } logic ? new LogicRefDto(logic.Value, stored.LogicVersion) : null,
            Actions = ActionNames(stored.Actions),
            Person = PersonRefDto.From(entitlements?.Person),
            CredentialId = stored.Credential?.Value,
            DeviceId = stored.Device.Value,
            SiteId = stored.Site?.Value,
            ZoneId = stored.Zone?.Value,
            Direction = stored.Direction,
            At = stored.At,
            AwaitsStaff = stored.Outcome == Outcome.Warning && stored.Mode == EntryMode.Manual && stored.StaffDecision is null,
            PreVerification = stored.PreVerification,
            EventId = stored.Id.Value,
            RequestId = stored.RequestId,
        };
    }

    public static IReadOnlyList<string> ActionNames(DecisionActions actions)
    {
        if (actions == DecisionActions.None)
        {
            return [];
        }

        var names = new List<string>(4);
        foreach (var action in AllActions)
        {
            if ((actions & action) == action)
            {
                names.Add(action.ToString());
            }
        }

        return names;
    }
}
