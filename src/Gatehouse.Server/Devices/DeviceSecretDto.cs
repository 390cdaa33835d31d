namespace Gatehouse.Server.Devices;

/// <summary>A device's new secret: shown once; only its hash is stored (R-OPS-02).</summary>
public sealed record DeviceSecretDto(long DeviceId, string Secret, DateTimeOffset CreatedAt, string Authorization);
