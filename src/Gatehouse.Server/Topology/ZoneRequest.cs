using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Topology;

/// <summary>Create or replace a zone.</summary>
public sealed record ZoneRequest(long SiteId, string? Name, ZoneType Type, int? Capacity = null);
