namespace Gatehouse.Engine.Model;

/// <summary>A reader, door, gate, kiosk or desk. It has exactly one access logic (R-GYM-01).</summary>
public sealed record Device(
    DeviceId Id,
    OrganizationId Organization,
    SiteId Site,
    ZoneId Zone,
    string Name,
    DeviceKind Kind,
    DeviceDirection Direction,
    EntryMode Mode,
    AccessLogicId Logic,
    bool Enabled = true,
    double? GeofenceRadiusMeters = null,
    GeoPoint? Position = null,
    VisitorCheckpoint Checkpoint = VisitorCheckpoint.None);
