using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// What entitles the person to enter (R-DEC-02 visit reason), tried in a fixed order: an entrance reason given at
/// the desk, a staff-ticked presence, the employee policy, a visitor pass, a company level, then contracts,
/// entrance products and bookings. Runs on entry only; the first source that admits wins.
/// </summary>
internal static class Justification
{
    public static void Run(ref ScanContext c)
    {
        var checks = c.Logic!.Checks;
        var advanced = c.Logic.Advanced;
        if (c.Scan.Reason != EntranceReason.None)
        {
            ByEntranceReason(ref c, advanced);
            return;
        }

        var entitlements = c.Entitlements!;
        var person = entitlements.Person;
        if (c.StaffPresencePass)
        {
            c.VisitReason = new VisitReason(VisitReasonKind.ManualPresence);
            return;
        }

        if (person.Kind == PersonKind.Employee && checks.EmployeePolicy != EmployeePolicy.TreatAsMember)
        {
            ByEmployeePolicy(ref c, checks, entitlements);
            return;
        }

        if (person.Kind == PersonKind.Guest && advanced.AllowGuestEntrance)
        {
            c.VisitReason = new VisitReason(VisitReasonKind.Guest);
            return;
        }

        if (!checks.CheckAccessRules && !checks.CheckZoneType)
        {
            if (entitlements.Visitor is not null)
            {
                LevelAccess.ForVisitor(ref c, entitlements.Visitor); // check-in points still check visitors in
            }

            return;
        }

        if (entitlements.Visitor is { } visitor)
        {
            LevelAccess.ForVisitor(ref c, visitor);
        }
        else if (entitlements.Employment?.Level is { } level)
        {
            LevelAccess.ForEmployee(ref c, level);
        }
        else
        {
            MemberEntitlement.Run(ref c);
        }

        if (entitlements.Employment is { ConditionalAccess: true })
        {
            OfficeDay(ref c, checks);
        }
    }

    private static void ByEntranceReason(ref ScanContext c, AdvancedSettings advanced)
    {
        var (allowed, kind) = c.Scan.Reason switch
        {
            EntranceReason.Custom => (advanced.AllowCustomReason, VisitReasonKind.CustomReason),
            EntranceReason.AccompaniedByEmployee => (advanced.AllowAccessWithEmployee, VisitReasonKind.AccompaniedByEmployee),
            EntranceReason.Guest => (advanced.AllowGuestEntrance, VisitReasonKind.Guest),
            EntranceReason.GuestRegisteredAtPos => (advanced.AllowGuestEntranceOnPos, VisitReasonKind.Guest),
            EntranceReason.None => (false, VisitReasonKind.None),
        };
        if (allowed)
        {
            c.VisitReason = new VisitReason(kind);
        }
        else
        {
            c.Flag(ReasonCode.EntranceReasonNotAllowed);
        }
    }

    private static void ByEmployeePolicy(ref ScanContext c, AccessChecks checks, Entitlements entitlements)
    {
        if (checks.EmployeePolicy == EmployeePolicy.DuringWorkingHours)
        {
            var hours = entitlements.Employment?.WorkingHours;
            var inHours = false;
            for (var i = 0; hours is not null && i < hours.Count && !inHours; i++)
            {
                inHours = hours[i].AllowsLocalTime(c.Local);
            }

            if (!inHours)
            {
                c.Flag(ReasonCode.EmployeeOutsideWorkingHours);
                return;
            }
        }

        c.VisitReason = new VisitReason(VisitReasonKind.Employee);
    }

    /// <summary>R-EMP-04/05: conditional access opens only on a booked office day with a passed questionnaire.</summary>
    private static void OfficeDay(ref ScanContext c, AccessChecks checks)
    {
        if (checks.CheckOfficeBooking && !BookingEvaluation.HasOfficeDay(ref c))
        {
            c.Flag(ReasonCode.NoOfficeBooking);
        }

        if (checks.CheckQuestionnaire && !BookingEvaluation.PassedQuestionnaireToday(ref c))
        {
            c.Flag(ReasonCode.QuestionnaireNotPassed);
        }
    }
}
