using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// Someone who signs in (R-OPS-01). <see cref="Username"/> is unique across all organizations so sign-in needs
/// no organization picker. The store keeps only the hash; hashing is the server's job.
/// </summary>
public sealed record StaffUser(
    StaffUserId Id,
    OrganizationId Organization,
    string Username,
    string PasswordHash,
    StaffRole Role,
    PersonId? Person = null,
    DeviceId? Desk = null,
    SiteId? Site = null,
    bool Active = true);
