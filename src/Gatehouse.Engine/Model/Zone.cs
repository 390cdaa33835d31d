namespace Gatehouse.Engine.Model;

/// <summary>An area of a site. Elevator floors and car parks are zones like any other (R-VIS-11).</summary>
public sealed record Zone(ZoneId Id, SiteId Site, string Name, ZoneType Type, int? Capacity = null);
