using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Topology;

/// <summary>A zone of a site, with its type (R-GYM-07) and optional capacity (R-OPS-04).</summary>
public sealed record ZoneDto(long Id, long SiteId, string Name, ZoneType Type, int? Capacity)
{
    public static ZoneDto From(Zone zone) => new(zone.Id.Value, zone.Site.Value, zone.Name, zone.Type, zone.Capacity);
}
