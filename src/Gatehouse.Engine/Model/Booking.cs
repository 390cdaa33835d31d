namespace Gatehouse.Engine.Model;

/// <summary>
/// A reserved session, facility slot or office day. <see cref="ZoneTypes"/> are the zone types the booking
/// admits to (empty: any at the site). <see cref="Used"/> is set when a facility booking's use is marked (R-GYM-21).
/// </summary>
public sealed record Booking(
    BookingId Id,
    PersonId Person,
    BookingKind Kind,
    string Name,
    SiteId Site,
    TimeWindow Slot,
    string? Teacher = null,
    string? Spot = null,
    IReadOnlyList<ZoneType>? ZoneTypes = null,
    bool Used = false,
    bool Cancelled = false)
{
    public bool AdmitsTo(ZoneType type) => ZoneTypes is null || ZoneTypes.Count == 0 || ZoneTypes.Contains(type);
}
