using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>Bookings that admit (R-GYM-16, R-STU-05), the next booking of the day (R-STU-09) and office days (R-EMP-04).</summary>
internal static class BookingEvaluation
{
    /// <summary>A class, child's or facility booking whose slot, widened by the logic's offsets, holds the scan.</summary>
    public static Booking? FindAdmitting(ref ScanContext c)
    {
        var advanced = c.Logic!.Advanced;
        if (!advanced.AllowAccessWithBooking && !advanced.AllowAccessWithChildBooking)
        {
            return null;
        }

        var bookings = c.Entitlements!.Bookings;
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            var (allowed, before, after) = booking.Kind switch
            {
                BookingKind.ClassSession => (advanced.AllowAccessWithBooking, advanced.BookingStartOffsetMinutes, advanced.BookingEndOffsetMinutes),
                BookingKind.Child => (advanced.AllowAccessWithChildBooking, advanced.BookingStartOffsetMinutes, advanced.BookingEndOffsetMinutes),
                BookingKind.Facility => (advanced.AllowAccessWithBooking && !booking.Used, advanced.FacilityBookingStartOffsetMinutes, advanced.FacilityBookingEndOffsetMinutes),
                BookingKind.OfficeDay => (false, 0, 0),
            };
            if (allowed && Fits(ref c, booking)
                && booking.Slot.Widen(TimeSpan.FromMinutes(before), TimeSpan.FromMinutes(after)).Contains(c.Scan.At))
            {
                return booking;
            }
        }

        return null;
    }

    /// <summary>R-STU-05: a booked session starting within the buffer (or already running) admits without a pass.</summary>
    public static Booking? FindUpcoming(ref ScanContext c)
    {
        var checks = c.Logic!.Checks;
        if (!checks.AllowUpcomingBooking)
        {
            return null;
        }

        var bookings = c.Entitlements!.Bookings;
        var buffer = TimeSpan.FromMinutes(checks.UpcomingBookingBufferMinutes);
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            if (booking.Kind is BookingKind.ClassSession or BookingKind.Child && Fits(ref c, booking)
                && booking.Slot.Widen(-buffer, TimeSpan.Zero).Contains(c.Scan.At))
            {
                return booking;
            }
        }

        return null;
    }

    /// <summary>R-STU-09: the earliest session of the site's local day that has not ended yet.</summary>
    public static Booking? NextOfDay(ref ScanContext c)
    {
        var bookings = c.Entitlements!.Bookings;
        Booking? next = null;
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            if (!booking.Cancelled && booking.Kind != BookingKind.OfficeDay && booking.Slot.Until > c.Scan.At
                && (next is null || booking.Slot.From < next.Slot.From) && LocalDay(ref c, booking.Slot.From) == c.Today)
            {
                next = booking;
            }
        }

        return next;
    }

    /// <summary>R-EMP-04: an office day booked at this site for the site's local day.</summary>
    public static bool HasOfficeDay(ref ScanContext c)
    {
        var bookings = c.Entitlements!.Bookings;
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            if (booking.Kind == BookingKind.OfficeDay && !booking.Cancelled && booking.Site == c.Device!.Site
                && LocalDay(ref c, booking.Slot.From) == c.Today)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>R-EMP-04: a questionnaire passed for the site's local day.</summary>
    public static bool PassedQuestionnaireToday(ref ScanContext c)
    {
        var results = c.Entitlements!.Questionnaires;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Day == c.Today && results[i].Passed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(ref ScanContext c, Booking booking) =>
        !booking.Cancelled
        && booking.Site == c.Establishment
        && (!c.Logic!.Checks.CheckZoneType || booking.AdmitsTo(c.Zone!.Type));

    private static DateOnly LocalDay(ref ScanContext c, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, c.Site!.TimeZone).DateTime);
}
