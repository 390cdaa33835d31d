using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>A device as administrators see it. Its secret is shown once, when created or rotated, never here.</summary>
public sealed record DeviceDto(
    long Id,
    long SiteId,
    long ZoneId,
    string Name,
    DeviceKind Kind,
    DeviceDirection Direction,
    EntryMode Mode,
    long LogicId,
    bool Enabled,
    double? GeofenceRadiusMeters,
    double? Latitude,
    double? Longitude,
    VisitorCheckpoint Checkpoint,
    DateTimeOffset? LastSeenAt)
{
    public static DeviceDto From(Device d, DateTimeOffset? lastSeen = null) => new(
        d.Id.Value, d.Site.Value, d.Zone.Value, d.Name, d.Kind, d.Direction, d.Mode, d.Logic.Value, d.Enabled,
        d.GeofenceRadiusMeters, d.Position?.Latitude, d.Position?.Longitude, d.Checkpoint, lastSeen);
}
