namespace Gatehouse.Server.Topology;

/// <summary>Live occupancy from presence, against capacity (R-OPS-04).</summary>
public sealed record OccupancyDto(long SiteId, int Present, int? Capacity, IReadOnlyList<ZoneOccupancyDto> Zones);
