namespace Gatehouse.Server.Devices;

/// <summary>A created device and its first secret.</summary>
public sealed record CreatedDeviceDto(DeviceDto Device, DeviceSecretDto Secret);
