using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>A booked session, facility slot or office day (R-GYM-16, R-STU-05, R-EMP-04).</summary>
public sealed record BookingDto(
    long Id, long PersonId, BookingKind Kind, string Name, long SiteId, DateTimeOffset Start, DateTimeOffset End,
    string? Teacher, string? Spot, IReadOnlyList<ZoneType>? ZoneTypes, bool Used, bool Cancelled)
{
    public static BookingDto From(Booking b) => new(
        b.Id.Value, b.Person.Value, b.Kind, b.Name, b.Site.Value, b.Slot.From, b.Slot.Until, b.Teacher, b.Spot, b.ZoneTypes, b.Used, b.Cancelled);
}
