using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Topology;

/// <summary>A site as the API shows and accepts it; the time zone is an IANA id (R-DEC-06).</summary>
public sealed record SiteDto(long Id, string Name, string TimeZone, double? Latitude, double? Longitude, int? Capacity)
{
    public static SiteDto From(Site site) => new(
        site.Id.Value, site.Name, site.TimeZone.Id, site.Position?.Latitude, site.Position?.Longitude, site.Capacity);
}
