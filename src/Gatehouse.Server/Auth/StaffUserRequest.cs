using Gatehouse.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>Create a staff user; a receptionist is bound to a desk device and its site (R-OPS-01).</summary>
public sealed record StaffUserRequest(string? Username, string? Password, StaffRole Role, long? DeskDeviceId = null);
