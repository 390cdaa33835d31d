using Gatehouse.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>A staff user as owners and administrators see it; never the password hash.</summary>
public sealed record StaffUserDto(long Id, string Username, StaffRole Role, long? DeskDeviceId, long? SiteId, bool Active)
{
    public static StaffUserDto From(StaffUser u) => new(u.Id.Value, u.Username, u.Role, u.Desk?.Value, u.Site?.Value, u.Active);
}
