using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// Checks on who enters and from where, run on entry only: gender (R-GYM-11), geofence (R-STU-03),
/// membership debt (R-GYM-02/03), POS balance (R-GYM-04) and capacity (R-EMP-04, R-OPS-04).
/// </summary>
internal static class PersonChecks
{
    public static void Run(ref ScanContext c)
    {
        var checks = c.Logic!.Checks;
        var entitlements = c.Entitlements;
        if (entitlements is not null)
        {
            if (checks.AllowedGenders.Count > 0 && !Lists.Has(checks.AllowedGenders, entitlements.Person.Gender))
            {
                c.Flag(ReasonCode.GenderNotAllowed);
            }

            if (checks.CheckMembershipBalance && HasBlockingDebt(ref c, entitlements))
            {
                c.Flag(ReasonCode.MembershipDebt);
            }

            if (checks.CheckPosBalance && entitlements.PosBalance < -c.Logic!.Advanced.PosBalanceLimit)
            {
                c.Flag(ReasonCode.PosBalanceBelowLimit);
            }
        }

        CheckGeofence(ref c);
        CheckCapacity(ref c);
    }

    private static bool HasBlockingDebt(ref ScanContext c, Entitlements entitlements)
    {
        var advanced = c.Logic!.Advanced;
        var at = c.Scan.At;
        var invoices = entitlements.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            var owed = invoice.Status switch
            {
                InvoiceStatus.Unpaid => true,
                InvoiceStatus.PaymentInProgress => !advanced.AllowPaymentInProgress,
                InvoiceStatus.Paid or InvoiceStatus.Cancelled => false,
            };
            if (!owed || at < invoice.DueAt || (advanced.AllowCompanyDebt && invoice.Payer == Payer.Company))
            {
                continue;
            }

            // Age in whole days since due: with 3 allowed days, debt denies from exactly 3 × 24 h after due.
            var ageDays = (at - invoice.DueAt).Ticks / TimeSpan.TicksPerDay;
            if (ageDays >= advanced.AllowedDaysInDebt)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckGeofence(ref ScanContext c)
    {
        var device = c.Device!;
        if (!c.Logic!.Checks.CheckGeofence || device.GeofenceRadiusMeters is not { } radius || device.Position is not { } door)
        {
            return;
        }

        if (c.Scan.Position is not { } phone)
        {
            c.Flag(ReasonCode.PositionMissing);
        }
        else if (phone.DistanceMetersTo(door) > radius)
        {
            c.Flag(ReasonCode.OutsideGeofence);
        }
    }

    private static void CheckCapacity(ref ScanContext c)
    {
        if (!c.Logic!.Checks.CheckCapacity)
        {
            return;
        }

        // Someone already counted inside does not add to the count again.
        if (!c.PresentHere && c.Site!.Capacity is { } siteCapacity && c.Directory.Occupancy(c.Site.Id) >= siteCapacity)
        {
            c.Flag(ReasonCode.SiteCapacityReached);
        }

        var inZone = c.PresentHere && c.Presence!.Value.Zone == c.Zone!.Id;
        if (!inZone && c.Zone!.Capacity is { } zoneCapacity && c.Directory.Occupancy(c.Site!.Id, c.Zone.Id) >= zoneCapacity)
        {
            c.Flag(ReasonCode.ZoneCapacityReached);
        }
    }
}
