using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>Staff users (R-OPS-01). Usernames are unique across organizations.</summary>
public interface IStaffStore
{
    /// <summary>Conflict when the username is taken; NotFound when the desk or site is not in the organization.</summary>
    Task<StoreResult<StaffUser>> AddStaffUserAsync(StaffUser user, CancellationToken cancellationToken = default);

    Task<StaffUser?> GetStaffUserAsync(OrganizationId organization, StaffUserId id, CancellationToken cancellationToken = default);

    /// <summary>For sign-in, before the organization is known.</summary>
    Task<StaffUser?> FindStaffUserByUsernameAsync(string username, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateStaffUserAsync(StaffUser user, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteStaffUserAsync(OrganizationId organization, StaffUserId id, CancellationToken cancellationToken = default);
}
