using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>Turns the finished context into the one <see cref="Decision"/> of the scan: outcome, actions (R-GYM-21) and text.</summary>
internal static class DecisionFactory
{
    private const string DefaultFailureText = "Access denied: {Reason}";

    public static Decision Create(ref ScanContext c)
    {
        var outcome = c.Reasons.HasDenial ? Outcome.Denied : c.Reasons.Count > 0 ? Outcome.Warning : Outcome.Granted;
        var logic = c.Logic;
        var letsIn = outcome != Outcome.Denied;
        var awaitsStaff = outcome == Outcome.Warning && c.Device?.Mode == EntryMode.Manual;
        var actions = c.Scan.PreVerification ? DecisionActions.None : ActionsFor(ref c, logic, letsIn);
        if (awaitsStaff)
        {
            // R-STU-07: at a manual desk the person has not passed yet; the receptionist allows or refuses.
            // Presence, usage and card side effects wait for "allow entry"; only the listing and the desk's own
            // notifications go out now, so a refused member is never left marked present.
            actions &= DecisionActions.LogEvent | DecisionActions.NotifyFrontDesk | DecisionActions.OpenProfileAtFrontDesk;
        }

        var entitlements = c.Entitlements;
        return new Decision
        {
            Outcome = outcome,
            Reasons = c.Reasons,
            Device = c.Scan.Device,
            At = c.Scan.At,
            Direction = c.Direction,
            Site = c.Device?.Site,
            Zone = c.Device?.Zone,
            Credential = c.Credential?.Id,
            Person = entitlements?.Person,
            Logic = logic?.Id,
            LogicVersion = logic?.Version ?? 0,
            Mode = c.Device?.Mode ?? EntryMode.Automatic,
            PreVerification = c.Scan.PreVerification,
            VisitReason = letsIn ? c.VisitReason : VisitReason.None, // a denied scan visited nothing
            PassInUse = c.PassInUse,
            NextBooking = c.NextBooking,
            Actions = actions,
            ProductToUse = letsIn && (actions & DecisionActions.UseZoneProduct) != 0 ? c.ProductToUse : null,
            BookingToMark = letsIn && (actions & DecisionActions.MarkFacilityBookingUsage) != 0 ? c.BookingToMark : null,
            AskExternal = c.AskExternal,
            TextTemplate = letsIn ? logic!.Checks.SuccessText : logic?.Checks.FailureText ?? DefaultFailureText,
            PosBalance = entitlements?.PosBalance ?? 0,
            AccountBalance = entitlements?.AccountBalance ?? 0,
            SiteTimeZone = c.Site?.TimeZone,
        };
    }

    private static DecisionActions ActionsFor(ref ScanContext c, AccessLogic? logic, bool letsIn)
    {
        if (logic is null)
        {
            return DecisionActions.LogEvent; // a misconfigured or unknown device is always worth listing
        }

        var configured = logic.Actions;
        if (!letsIn)
        {
            return configured.LogUnsuccessfulScans ? DecisionActions.LogEvent : DecisionActions.None;
        }

        var actions = DecisionActions.LogEvent | c.Actions;
        actions |= c.Direction == Direction.In && configured.AddPresence ? DecisionActions.AddPresence : 0;
        actions |= c.Direction == Direction.Out && configured.DeactivatePresence ? DecisionActions.RemovePresence : 0;
        actions |= logic.Checks.CheckDoubleScan && c.Credential is not null ? DecisionActions.LockDoubleScan : 0;
        actions |= c.IsSingleUse ? DecisionActions.MarkQrUsage : 0;
        actions |= configured.CollectCard && c.Credential?.Kind == CredentialKind.Card ? DecisionActions.CollectCard : 0;
        actions |= c.ProductToUse is not null ? DecisionActions.UseZoneProduct : 0;
        actions |= c.BookingToMark is not null ? DecisionActions.MarkFacilityBookingUsage : 0;
        actions |= configured.NotifyFrontDesk && c.Person is not null ? DecisionActions.NotifyFrontDesk : 0;
        actions |= configured.OpenProfileAtFrontDesk && c.Person is not null ? DecisionActions.OpenProfileAtFrontDesk : 0;
        if (c.IsCheckOutPoint && c.Entitlements?.Visitor?.IsCheckedIn == true)
        {
            actions |= DecisionActions.VisitorCheckOut; // R-VIS-06
        }

        return actions;
    }
}
