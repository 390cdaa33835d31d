namespace Gatehouse.Server.Devices;

/// <summary>What a device learns from a heartbeat: the server's time and whether its configuration changed.</summary>
public sealed record HeartbeatResponse(long DeviceId, DateTimeOffset ServerTime, bool Enabled, LogicRefDto? Logic);
