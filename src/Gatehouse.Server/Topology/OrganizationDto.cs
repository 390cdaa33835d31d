namespace Gatehouse.Server.Topology;

/// <summary>The signed-in user's organization. The QR signing key never leaves the server.</summary>
public sealed record OrganizationDto(long Id, string Name);
