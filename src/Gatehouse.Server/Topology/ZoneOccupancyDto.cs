namespace Gatehouse.Server.Topology;

/// <summary>People present in one zone, against its capacity.</summary>
public sealed record ZoneOccupancyDto(long ZoneId, string Name, int Present, int? Capacity);
