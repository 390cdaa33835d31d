namespace Gatehouse.Server.Topology;

/// <summary>Create or replace a site.</summary>
public sealed record SiteRequest(string? Name, string? TimeZone, double? Latitude = null, double? Longitude = null, int? Capacity = null);
