using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>
/// One scan as a device sends it. <see cref="RequestId"/> makes a retry safe: the same device and request id are
/// decided once and answered the same way (R-DEC-05). <see cref="Direction"/> only for readers that report it.
/// </summary>
public sealed record ScanRequest(
    string? RequestId,
    string? Credential,
    Direction? Direction = null,
    GeoPointDto? Position = null,
    EntranceReason Reason = EntranceReason.None);
