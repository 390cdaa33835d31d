namespace Gatehouse.Server.Devices;

/// <summary>A phone's position in WGS-84 degrees (R-STU-03 geofencing).</summary>
public sealed record GeoPointDto(double Latitude, double Longitude);
