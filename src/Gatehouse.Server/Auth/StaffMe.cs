using Gatehouse.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>Who is signed in, as the API sees them.</summary>
public sealed record StaffMe(long Id, string Username, long OrganizationId, StaffRole Role, long? DeskDeviceId, long? SiteId);
