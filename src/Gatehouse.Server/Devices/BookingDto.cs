using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>The member's next booking of the day: session, teacher, spot (R-STU-09).</summary>
public sealed record BookingDto(long Id, BookingKind Kind, string Name, long SiteId, DateTimeOffset Start, DateTimeOffset End, string? Teacher, string? Spot)
{
    public static BookingDto? From(Booking? booking) => booking is null
        ? null
        : new BookingDto(booking.Id.Value, booking.Kind, booking.Name, booking.Site.Value, booking.Slot.From, booking.Slot.Until, booking.Teacher, booking.Spot);
}
