using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>Create or replace a device; it has exactly one access logic (R-GYM-01).</summary>
public sealed record DeviceRequest(
    long SiteId,
    long ZoneId,
    string? Name,
    DeviceKind Kind,
    DeviceDirection Direction,
    EntryMode Mode,
    long LogicId,
    bool Enabled = true,
    double? GeofenceRadiusMeters = null,
    double? Latitude = null,
    double? Longitude = null,
    VisitorCheckpoint Checkpoint = VisitorCheckpoint.None);
