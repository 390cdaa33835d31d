using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// One event to append plus the side effects to apply in the same transaction (R-GYM-21). Only the effect flags
/// of <see cref="AccessEvent.Actions"/> are applied: AddPresence, RemovePresence, LockDoubleScan, MarkQrUsage,
/// CollectCard, UseZoneProduct (<see cref="Product"/>), MarkFacilityBookingUsage (<see cref="Booking"/>),
/// VisitorCheckIn, VisitorCheckOut. A pre-verification applies none (R-GYM-22).
/// </summary>
public sealed record EventAppend(AccessEvent Event, EntranceProductId? Product = null, BookingId? Booking = null)
{
    /// <summary>
    /// Whether AddPresence must find the person absent. True: a presence already there means another scan won (an
    /// anti-passback entry; the event is overruled to Denied AlreadyPresent). False: "already present" is a
    /// satisfied no-op (a second door of the same site). Null (default): as the event's logic says, its
    /// CheckLackOfPresence; true when the logic is unknown.
    /// </summary>
    public bool? RequireAbsent { get; init; }

    /// <summary>The event of a decision, with the side effects it names.</summary>
    public static EventAppend From(Decision decision, OrganizationId? organization, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var actions = decision.PreVerification ? DecisionActions.None : decision.Actions;
        var listed = decision.Outcome != Outcome.Denied || (decision.Actions & DecisionActions.LogEvent) != 0;
        var @event = new AccessEvent
        {
            Organization = organization ?? decision.Person?.Organization,
            Device = decision.Device,
            Site = decision.Site,
            Zone = decision.Zone,
            Credential = decision.Credential,
            Person = decision.Person?.Id,
            Direction = decision.Direction,
            At = decision.At,
            Outcome = decision.Outcome,
            Reasons = decision.Reasons.ToArray(),
            Logic = decision.Logic,
            LogicVersion = decision.LogicVersion,
            Mode = decision.Mode,
            VisitReason = decision.VisitReason,
            DisplayText = decision.DisplayText,
            RequestId = requestId,
            PreVerification = decision.PreVerification,
            Actions = actions,
            Listed = listed,
        };
        return new EventAppend(@event, decision.ProductToUse, decision.BookingToMark);
    }
}
