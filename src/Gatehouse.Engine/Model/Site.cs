namespace Gatehouse.Engine.Model;

/// <summary>
/// A club, establishment or building. Days, opening hours and "today" are always read in
/// <see cref="TimeZone"/> (R-DEC-06), never in the server's zone.
/// </summary>
public sealed record Site(
    SiteId Id,
    OrganizationId Organization,
    string Name,
    TimeZoneInfo TimeZone,
    GeoPoint? Position = null,
    int? Capacity = null);
