using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// R-STU-06: reasons for staff to look while the member may still enter. Two of them only make sense at a manual
/// desk, where someone can act on them; an automatic door records the rest with the event (R-STU-08).
/// </summary>
internal static class StudioWarnings
{
    public static void Run(ref ScanContext c)
    {
        var checks = c.Logic!.Checks;
        var entitlements = c.Entitlements;
        if (!checks.StudioWarnings || entitlements is null)
        {
            return;
        }

        var manual = c.Device!.Mode == EntryMode.Manual;
        var booking = c.VisitReason.Kind == VisitReasonKind.Booking ? FindBooking(entitlements, c.VisitReason.Id) : c.NextBooking;
        if (manual && booking is not null && booking.Site != c.Device.Site)
        {
            c.Flag(ReasonCode.SessionAtOtherEstablishment);
        }

        if (manual && c.PassInUse is { } pass && !FitsZone(pass, c.Zone!.Type))
        {
            c.Flag(ReasonCode.PassDoesNotFitZone);
        }

        if (booking is not null && HasUnpaidInvoice(entitlements, booking.Id))
        {
            c.Flag(ReasonCode.BookingInvoiceUnpaid);
        }

        if (booking is not null && entitlements.AccountBalance < 0)
        {
            c.Flag(ReasonCode.NegativeAccountBalance);
        }

        if (c.VisitReason.Kind == VisitReasonKind.Booking)
        {
            c.Flag(ReasonCode.BookingWithoutPass);
        }

        var person = entitlements.Person;
        if (person.PictureChangedAt is { } changed
            && c.Scan.At - changed < TimeSpan.FromDays(checks.RecentPictureChangeDays)
            && !(person.IdentityValidatedAt >= changed))
        {
            c.Flag(ReasonCode.RecentPictureChange);
        }
    }

    private static Booking? FindBooking(Entitlements entitlements, long? id)
    {
        var bookings = entitlements.Bookings;
        for (var i = 0; i < bookings.Count; i++)
        {
            if (bookings[i].Id.Value == id)
            {
                return bookings[i];
            }
        }

        return null;
    }

    private static bool FitsZone(Contract pass, ZoneType zoneType)
    {
        var rules = pass.AccessRules;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].AllowsZoneType(zoneType))
            {
                return true;
            }
        }

        return rules.Count == 0;
    }

    private static bool HasUnpaidInvoice(Entitlements entitlements, BookingId booking)
    {
        var invoices = entitlements.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            if (invoices[i].Booking == booking && invoices[i].Status is InvoiceStatus.Unpaid or InvoiceStatus.PaymentInProgress)
            {
                return true;
            }
        }

        return false;
    }
}
