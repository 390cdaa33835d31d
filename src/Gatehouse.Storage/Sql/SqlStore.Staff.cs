using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Staff users (R-OPS-01).</summary>
internal sealed partial class SqlStore
{
    public async Task<StoreResult<StaffUser>> AddStaffUserAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        if (await CheckStaffReferencesAsync(user, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        var id = await InsertAsync(
            "INSERT INTO staff_users (organization_id, username, password_hash, role, person_id, desk_device_id, site_id, active) VALUES (@org, @username, @hash, @role, @person, @desk, @site, @active) RETURNING id",
            cancellationToken, StaffArgs(user)).ConfigureAwait(false);
        return id is null ? StoreResult.Conflict($"Username '{user.Username}' is taken.") : user with { Id = new StaffUserId(id.Value) };
    }

    public Task<StaffUser?> GetStaffUserAsync(OrganizationId organization, StaffUserId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Staff} FROM staff_users WHERE id = @id AND organization_id = @org", Rows.ToStaff, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public Task<StaffUser?> FindStaffUserByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Staff} FROM staff_users WHERE username = @username", Rows.ToStaff, cancellationToken, ("username", username));

    public async Task<IReadOnlyList<StaffUser>> ListStaffUsersAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Staff} FROM staff_users WHERE organization_id = @org ORDER BY id", Rows.ToStaff, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateStaffUserAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        if (await CheckStaffReferencesAsync(user, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        try
        {
            var rows = await ExecuteAsync(
                "UPDATE staff_users SET username = @username, password_hash = @hash, role = @role, person_id = @person, desk_device_id = @desk, site_id = @site, active = @active WHERE id = @id AND organization_id = @org",
                cancellationToken, [.. StaffArgs(user), ("id", user.Id.Value)]).ConfigureAwait(false);
            return Found(rows, "Staff user");
        }
        catch (System.Data.Common.DbException exception) when (_db.IsUniqueViolation(exception))
        {
            return StoreResult.Conflict($"Username '{user.Username}' is taken.");
        }
    }

    public async Task<StoreResult> DeleteStaffUserAsync(OrganizationId organization, StaffUserId id, CancellationToken cancellationToken = default) =>
        Found(await ExecuteAsync("DELETE FROM staff_users WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false), "Staff user");

    private async Task<StoreResult> CheckStaffReferencesAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (!await OrganizationExistsAsync(user.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Organization {user.Organization} not found.");
        }

        if (user.Desk is { } desk && !await ExistsAsync("devices", desk.Value, user.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Desk device {desk} not found.");
        }

        if (user.Site is { } site && !await ExistsAsync("sites", site.Value, user.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Site {site} not found.");
        }

        return user.Person is { } person && !await PersonExistsAsync(user.Organization, person, cancellationToken).ConfigureAwait(false)
            ? StoreResult.NotFound($"Person {person} not found.")
            : StoreResult.Ok;
    }

    private static (string, object?)[] StaffArgs(StaffUser u) =>
    [
        ("org", u.Organization.Value), ("username", u.Username), ("hash", u.PasswordHash), ("role", u.Role.ToString()),
        ("person", u.Person?.Value), ("desk", u.Desk?.Value), ("site", u.Site?.Value), ("active", u.Active),
    ];
}
