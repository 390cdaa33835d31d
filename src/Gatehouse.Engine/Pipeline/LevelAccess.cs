using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// Access through access levels (R-VIS-03/05/11, R-EMP-03): visitors by their pass, employees by their company's
/// level. Doors, elevator floors and car parks are all zones, so one check serves them all.
/// </summary>
internal static class LevelAccess
{
    public static void ForVisitor(ref ScanContext c, VisitorPass visitor)
    {
        var reason = new VisitReason(VisitReasonKind.Visitor, null, visitor.Category);
        var at = c.Scan.At;
        if (visitor.Site != c.Device!.Site || visitor.CheckedOutAt is not null)
        {
            c.Flag(visitor.CheckedOutAt is null ? ReasonCode.ZoneNotInAccessLevel : ReasonCode.VisitorNotCheckedIn);
            return;
        }

        // Before check-in a visitor may use the check-in point and the pre-check-in level from the meeting's day
        // until its end (R-VIS-04/05); the check-in raises them to the category's level (R-VIS-06).
        var onMeetingDay = at < visitor.Meeting.Until
            && c.Today >= DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(visitor.Meeting.From, c.Site!.TimeZone).DateTime);
        if (!visitor.IsCheckedIn)
        {
            if (c.IsCheckInPoint && onMeetingDay)
            {
                c.Actions |= DecisionActions.VisitorCheckIn;
                c.VisitReason = reason;
            }
            else if (visitor.PreCheckInLevel is { } pre && onMeetingDay && Includes(ref c, pre))
            {
                c.VisitReason = reason;
            }
            else if (!onMeetingDay)
            {
                c.Flag(ReasonCode.OutsideMeetingWindow);
            }
            else if (c.Credential?.Has(CredentialFlags.InactiveUntilCheckIn) != true)
            {
                c.Flag(ReasonCode.VisitorNotCheckedIn); // an inactive QR already said so
            }

            return;
        }

        if (Includes(ref c, visitor.Level))
        {
            if (visitor.Meeting.Contains(at))
            {
                c.VisitReason = reason;
            }
            else if (visitor.PreCheckInLevel is { } pre && onMeetingDay && Includes(ref c, pre))
            {
                c.VisitReason = reason;
            }
            else
            {
                c.Flag(ReasonCode.OutsideMeetingWindow);
            }
        }
        else if (visitor.PreCheckInLevel is { } pre && onMeetingDay && Includes(ref c, pre))
        {
            c.VisitReason = reason;
        }
        else
        {
            c.Flag(ReasonCode.ZoneNotInAccessLevel);
        }
    }

    public static void ForEmployee(ref ScanContext c, AccessLevelId levelId)
    {
        var level = c.Directory.FindLevel(levelId);
        if (level is not null && Includes(ref c, level))
        {
            c.VisitReason = new VisitReason(VisitReasonKind.Employee, levelId.Value, level.Name);
        }
        else
        {
            c.Flag(ReasonCode.ZoneNotInAccessLevel);
        }
    }

    private static bool Includes(ref ScanContext c, AccessLevelId id)
    {
        var level = c.Directory.FindLevel(id);
        return level is not null && Includes(ref c, level);
    }

    private static bool Includes(ref ScanContext c, AccessLevel level) =>
        level.Organization == c.Device!.Organization && Lists.Has(level.Zones, c.Device.Zone);
}
