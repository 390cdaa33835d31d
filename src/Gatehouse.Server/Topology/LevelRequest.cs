namespace Gatehouse.Server.Topology;

/// <summary>Create or replace an access level.</summary>
public sealed record LevelRequest(string? Name, IReadOnlyList<long>? ZoneIds);
