using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Access logics (R-GYM-01) and access levels (R-VIS-03, R-EMP-03).</summary>
internal sealed partial class SqlStore
{
    private const string LogicColumns = "organization_id, name, version, policy, custom_policy, created_at, modified_at, checks, advanced, actions";

    public async Task<StoreResult<AccessLogic>> AddLogicAsync(AccessLogic logic, CancellationToken cancellationToken = default)
    {
        if (!await OrganizationExistsAsync(logic.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Organization {logic.Organization} not found.");
        }

        var now = Now;
        var stored = logic with { Version = 1, CreatedAt = now, ModifiedAt = now };
        var id = await InsertAsync($"INSERT INTO access_logics ({LogicColumns}) VALUES (@org, @name, @version, @policy, @custom, @created, @modified, @checks, @advanced, @actions) RETURNING id",
            cancellationToken, LogicArgs(stored)).ConfigureAwait(false);
        stored = stored with { Id = new AccessLogicId(id!.Value) };
        Index.SetLogic(stored);
        await WidenGrantsAsync(stored).ConfigureAwait(false);
        return stored;
    }

    public Task<AccessLogic?> GetLogicAsync(OrganizationId organization, AccessLogicId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Logic} FROM access_logics WHERE id = @id AND organization_id = @org", Rows.ToLogic, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<AccessLogic>> ListLogicsAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Logic} FROM access_logics WHERE organization_id = @org ORDER BY id", Rows.ToLogic, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult<AccessLogic>> UpdateLogicAsync(AccessLogic logic, CancellationToken cancellationToken = default)
    {
        if (await GetLogicAsync(logic.Organization, logic.Id, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return StoreResult.NotFound($"Access logic {logic.Id} not found.");
        }

        // Version comes from the stored row, not the caller, so every edit is a new version (R-DEC-02 names it).
        var stored = logic with { Version = current.Version + 1, CreatedAt = current.CreatedAt, ModifiedAt = Now };
        var rows = await ExecuteAsync(
            "UPDATE access_logics SET name = @name, version = @version, policy = @policy, custom_policy = @custom, modified_at = @modified, checks = @checks, advanced = @advanced, actions = @actions WHERE id = @id AND organization_id = @org AND version = @current",
            cancellationToken, [.. LogicArgs(stored), ("id", logic.Id.Value), ("current", current.Version)]).ConfigureAwait(false);
        if (rows == 0)
        {
            return StoreResult.Conflict($"Access logic {logic.Id} was changed at the same time; reload and retry.");
        }

        Index.SetLogic(stored);
        await WidenGrantsAsync(stored).ConfigureAwait(false);
        return stored;
    }

    public async Task<StoreResult> DeleteLogicAsync(OrganizationId organization, AccessLogicId id, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync("access_logics", id.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Access logic {id} not found.");
        }

        var devices = await QueryAsync("SELECT name FROM devices WHERE logic_id = @id ORDER BY id", r => r.String(0), cancellationToken, ("id", id.Value)).ConfigureAwait(false);
        if (devices.Count > 0)
        {
            return StoreResult.InUse($"Access logic {id} is used by {devices.Count} device(s) ({string.Join(", ", devices.Take(5))}); assign them another logic first.");
        }

        var rows = await ExecuteAsync("DELETE FROM access_logics WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Access logic"), () => Index.RemoveLogic(id));
    }

    public async Task<StoreResult<AccessLevel>> AddLevelAsync(AccessLevel level, CancellationToken cancellationToken = default)
    {
        if (await CheckZonesAsync(level, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        var id = await InsertAsync("INSERT INTO access_levels (organization_id, name, zones) VALUES (@org, @name, @zones) RETURNING id", cancellationToken,
            ("org", level.Organization.Value), ("name", level.Name), ("zones", StoreJson.Write(level.Zones.Select(z => z.Value)))).ConfigureAwait(false);
        var stored = level with { Id = new AccessLevelId(id!.Value) };
        Index.SetLevel(stored);
        return stored;
    }

    public Task<AccessLevel?> GetLevelAsync(OrganizationId organization, AccessLevelId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Level} FROM access_levels WHERE id = @id AND organization_id = @org", Rows.ToLevel, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<AccessLevel>> ListLevelsAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Level} FROM access_levels WHERE organization_id = @org ORDER BY id", Rows.ToLevel, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateLevelAsync(AccessLevel level, CancellationToken cancellationToken = default)
    {
        if (await CheckZonesAsync(level, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        var rows = await ExecuteAsync("UPDATE access_levels SET name = @name, zones = @zones WHERE id = @id AND organization_id = @org", cancellationToken,
            ("name", level.Name), ("zones", StoreJson.Write(level.Zones.Select(z => z.Value))), ("id", level.Id.Value), ("org", level.Organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Access level"), () => Index.SetLevel(level));
    }

    public async Task<StoreResult> DeleteLevelAsync(OrganizationId organization, AccessLevelId id, CancellationToken cancellationToken = default)
    {
        var users = await QueryAsync(
            "SELECT 1 FROM visitor_passes WHERE organization_id = @org AND (level_id = @id OR pre_check_in_level_id = @id) UNION ALL SELECT 1 FROM employment_terms WHERE organization_id = @org AND level_id = @id",
            _ => true, cancellationToken, ("org", organization.Value), ("id", id.Value)).ConfigureAwait(false);
        if (users.Count > 0)
        {
            return StoreResult.InUse($"Access level {id} is held by {users.Count} visitor pass(es) or employee(s).");
        }

        var rows = await ExecuteAsync("DELETE FROM access_levels WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Access level"), () => Index.RemoveLevel(id));
    }

    /// <summary>
    /// PostgreSQL: a logic that locks cards for longer than the index's grants reach needs the older ones. Not
    /// cancelled with the request: the logic is stored by now, and its cards must lock as it says.
    /// </summary>
    private Task WidenGrantsAsync(AccessLogic logic) => _grants?.WidenAsync(logic, CancellationToken.None) ?? Task.CompletedTask;

    private async Task<StoreResult> CheckZonesAsync(AccessLevel level, CancellationToken cancellationToken)
    {
        if (!await OrganizationExistsAsync(level.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Organization {level.Organization} not found.");
        }

        foreach (var zone in level.Zones)
        {
            if (!await ExistsAsync("zones", zone.Value, level.Organization, cancellationToken).ConfigureAwait(false))
            {
                return StoreResult.NotFound($"Zone {zone} not found.");
            }
        }

        return StoreResult.Ok;
    }

    private (string, object?)[] LogicArgs(AccessLogic l) =>
    [
        ("org", l.Organization.Value), ("name", l.Name), ("version", l.Version), ("policy", l.Policy.ToString()), ("custom", l.CustomPolicy),
        ("created", _db.Instant(l.CreatedAt)), ("modified", _db.Instant(l.ModifiedAt)), ("checks", StoreJson.Write(l.Checks)),
        ("advanced", StoreJson.Write(l.Advanced)), ("actions", StoreJson.Write(l.Actions)),
    ];
}
