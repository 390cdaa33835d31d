using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Organizations, sites, zones, devices and their secrets, access logics and levels.</summary>
internal sealed partial class SqlStore
{
    public async Task<Organization> AddOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        var id = await InsertAsync("INSERT INTO organizations (name, qr_signing_key) VALUES (@name, @key) RETURNING id", cancellationToken,
            ("name", organization.Name), ("key", organization.QrSigningKey)).ConfigureAwait(false);
        var stored = organization with { Id = new OrganizationId(id!.Value) };
        Index.SetOrganization(stored);
        return stored;
    }

    public Task<Organization?> GetOrganizationAsync(OrganizationId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Organization} FROM organizations WHERE id = @id", Rows.ToOrganization, cancellationToken, ("id", id.Value));

    public async Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Organization} FROM organizations ORDER BY id", Rows.ToOrganization, cancellationToken).ConfigureAwait(false);

    public async Task<StoreResult> UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync("UPDATE organizations SET name = @name, qr_signing_key = @key WHERE id = @id", cancellationToken,
            ("name", organization.Name), ("key", organization.QrSigningKey), ("id", organization.Id.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Organization"), () => Index.SetOrganization(organization));
    }

    public async Task<StoreResult<Site>> AddSiteAsync(Site site, CancellationToken cancellationToken = default)
    {
        if (IanaId(site.TimeZone) is not { } zone)
        {
            return StoreResult.Invalid($"Time zone '{site.TimeZone.Id}' has no IANA id.");
        }

        if (!await OrganizationExistsAsync(site.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Organization {site.Organization} not found.");
        }

        var id = await InsertAsync("INSERT INTO sites (organization_id, name, time_zone, latitude, longitude, capacity) VALUES (@org, @name, @tz, @lat, @lon, @cap) RETURNING id", cancellationToken,
            ("org", site.Organization.Value), ("name", site.Name), ("tz", zone), ("lat", site.Position?.Latitude), ("lon", site.Position?.Longitude), ("cap", site.Capacity)).ConfigureAwait(false);
        var stored = site with { Id = new SiteId(id!.Value) };
        Index.SetSite(stored);
        return stored;
    }

    public Task<Site?> GetSiteAsync(OrganizationId organization, SiteId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Site} FROM sites WHERE id = @id AND organization_id = @org", Rows.ToSite, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Site>> ListSitesAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Site} FROM sites WHERE organization_id = @org ORDER BY id", Rows.ToSite, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateSiteAsync(Site site, CancellationToken cancellationToken = default)
    {
        if (IanaId(site.TimeZone) is not { } zone)
        {
            return StoreResult.Invalid($"Time zone '{site.TimeZone.Id}' has no IANA id.");
        }

        var rows = await ExecuteAsync("UPDATE sites SET name = @name, time_zone = @tz, latitude = @lat, longitude = @lon, capacity = @cap WHERE id = @id AND organization_id = @org", cancellationToken,
            ("name", site.Name), ("tz", zone), ("lat", site.Position?.Latitude), ("lon", site.Position?.Longitude), ("cap", site.Capacity), ("id", site.Id.Value), ("org", site.Organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Site"), () => Index.SetSite(site));
    }

    public async Task<StoreResult> DeleteSiteAsync(OrganizationId organization, SiteId id, CancellationToken cancellationToken = default)
    {
        var used = await QueryAsync("SELECT 1 FROM zones WHERE site_id = @id UNION ALL SELECT 1 FROM devices WHERE site_id = @id", _ => true, cancellationToken, ("id", id.Value)).ConfigureAwait(false);
        if (used.Count > 0 && await ExistsAsync("sites", id.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.InUse($"Site {id} still has zones or devices; delete them first.");
        }

        var rows = await ExecuteAsync("DELETE FROM sites WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Site"), () => Index.RemoveSite(id));
    }

    public async Task<StoreResult<Zone>> AddZoneAsync(OrganizationId organization, Zone zone, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync("sites", zone.Site.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Site {zone.Site} not found.");
        }

        var id = await InsertAsync("INSERT INTO zones (organization_id, site_id, name, type, capacity) VALUES (@org, @site, @name, @type, @cap) RETURNING id", cancellationToken,
            ("org", organization.Value), ("site", zone.Site.Value), ("name", zone.Name), ("type", zone.Type.ToString()), ("cap", zone.Capacity)).ConfigureAwait(false);
        var stored = zone with { Id = new ZoneId(id!.Value) };
        Index.SetZone(stored);
        return stored;
    }

    public Task<Zone?> GetZoneAsync(OrganizationId organization, ZoneId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Zone} FROM zones WHERE id = @id AND organization_id = @org", Rows.ToZone, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Zone>> ListZonesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default) =>
        site is { } s
            ? await QueryAsync($"SELECT {Rows.Zone} FROM zones WHERE organization_id = @org AND site_id = @site ORDER BY id", Rows.ToZone, cancellationToken, ("org", organization.Value), ("site", s.Value)).ConfigureAwait(false)
            : await QueryAsync($"SELECT {Rows.Zone} FROM zones WHERE organization_id = @org ORDER BY id", Rows.ToZone, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateZoneAsync(OrganizationId organization, Zone zone, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync("UPDATE zones SET name = @name, type = @type, capacity = @cap WHERE id = @id AND organization_id = @org AND site_id = @site", cancellationToken,
            ("name", zone.Name), ("type", zone.Type.ToString()), ("cap", zone.Capacity), ("id", zone.Id.Value), ("org", organization.Value), ("site", zone.Site.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Zone"), () => Index.SetZone(zone));
    }

    public async Task<StoreResult> DeleteZoneAsync(OrganizationId organization, ZoneId id, CancellationToken cancellationToken = default)
    {
        var used = await QueryAsync("SELECT 1 FROM devices WHERE zone_id = @id AND organization_id = @org", _ => true, cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        if (used.Count > 0)
        {
            return StoreResult.InUse($"Zone {id} still has devices; move or delete them first.");
        }

        var rows = await ExecuteAsync("DELETE FROM zones WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Zone"), () => Index.RemoveZone(id));
    }

    public async Task<StoreResult<Device>> AddDeviceAsync(Device device, CancellationToken cancellationToken = default)
    {
        if (await CheckDeviceReferencesAsync(device, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        var id = await InsertAsync(
            "INSERT INTO devices (organization_id, site_id, zone_id, name, kind, direction, mode, logic_id, enabled, geofence_radius_meters, latitude, longitude, checkpoint) VALUES (@org, @site, @zone, @name, @kind, @dir, @mode, @logic, @enabled, @radius, @lat, @lon, @checkpoint) RETURNING id",
            cancellationToken, DeviceArgs(device)).ConfigureAwait(false);
        var stored = device with { Id = new DeviceId(id!.Value) };
        Index.SetDevice(stored);
        return stored;
    }

    public Task<Device?> GetDeviceAsync(OrganizationId organization, DeviceId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Device} FROM devices WHERE id = @id AND organization_id = @org", Rows.ToDevice, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Device>> ListDevicesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default) =>
        site is { } s
            ? await QueryAsync($"SELECT {Rows.Device} FROM devices WHERE organization_id = @org AND site_id = @site ORDER BY id", Rows.ToDevice, cancellationToken, ("org", organization.Value), ("site", s.Value)).ConfigureAwait(false)
            : await QueryAsync($"SELECT {Rows.Device} FROM devices WHERE organization_id = @org ORDER BY id", Rows.ToDevice, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateDeviceAsync(Device device, CancellationToken cancellationToken = default)
    {
        if (await CheckDeviceReferencesAsync(device, cancellationToken).ConfigureAwait(false) is { IsOk: false } missing)
        {
            return missing;
        }

        var rows = await ExecuteAsync(
            "UPDATE devices SET site_id = @site, zone_id = @zone, name = @name, kind = @kind, direction = @dir, mode = @mode, logic_id = @logic, enabled = @enabled, geofence_radius_meters = @radius, latitude = @lat, longitude = @lon, checkpoint = @checkpoint WHERE id = @id AND organization_id = @org",
            cancellationToken, [.. DeviceArgs(device), ("id", device.Id.Value)]).ConfigureAwait(false);
        return Apply(Found(rows, "Device"), () => Index.SetDevice(device));
    }

    public async Task<StoreResult> DeleteDeviceAsync(OrganizationId organization, DeviceId id, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync("DELETE FROM devices WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Device"), () => Index.RemoveDevice(id));
    }

    public async Task<StoreResult<DeviceSecret>> RotateDeviceSecretAsync(OrganizationId organization, DeviceId device, string secretHash, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync("devices", device.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Device {device} not found.");
        }

        var now = Now;
        var id = await InTransactionAsync(async (connection, transaction) =>
        {
            await using (var revoke = Bind(connection.Command("UPDATE device_secrets SET revoked_at = @at WHERE device_id = @device AND revoked_at IS NULL", transaction), [("at", _db.Instant(now)), ("device", device.Value)]))
            {
                await revoke.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insert = Bind(connection.Command("INSERT INTO device_secrets (organization_id, device_id, secret_hash, created_at) VALUES (@org, @device, @hash, @at) RETURNING id", transaction),
                [("org", organization.Value), ("device", device.Value), ("hash", secretHash), ("at", _db.Instant(now))]);
            return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
        Index.SetDeviceSecret(device, secretHash);
        return new DeviceSecret(id, device, secretHash, now);
    }

    public async Task<StoreResult> RevokeDeviceSecretsAsync(OrganizationId organization, DeviceId device, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync("devices", device.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Device {device} not found.");
        }

        await ExecuteAsync("UPDATE device_secrets SET revoked_at = @at WHERE device_id = @device AND revoked_at IS NULL", cancellationToken, ("at", _db.Instant(Now)), ("device", device.Value)).ConfigureAwait(false);
        Index.SetDeviceSecret(device, null);
        return StoreResult.Ok;
    }

    public async Task<IReadOnlyList<DeviceSecret>> ListDeviceSecretsAsync(OrganizationId organization, DeviceId device, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Secret} FROM device_secrets WHERE device_id = @device AND organization_id = @org ORDER BY id", Rows.ToSecret, cancellationToken, ("device", device.Value), ("org", organization.Value)).ConfigureAwait(false);

    private async Task<StoreResult> CheckDeviceReferencesAsync(Device device, CancellationToken cancellationToken)
    {
        var zone = await GetZoneAsync(device.Organization, device.Zone, cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync("sites", device.Site.Value, device.Organization, cancellationToken).ConfigureAwait(false) || zone is null || zone.Site != device.Site)
        {
            return StoreResult.NotFound($"Site {device.Site} with zone {device.Zone} not found.");
        }

        return await ExistsAsync("access_logics", device.Logic.Value, device.Organization, cancellationToken).ConfigureAwait(false)
            ? StoreResult.Ok
            : StoreResult.NotFound($"Access logic {device.Logic} not found.");
    }

    private static (string, object?)[] DeviceArgs(Device d) =>
    [
        ("org", d.Organization.Value), ("site", d.Site.Value), ("zone", d.Zone.Value), ("name", d.Name), ("kind", d.Kind.ToString()),
        ("dir", d.Direction.ToString()), ("mode", d.Mode.ToString()), ("logic", d.Logic.Value), ("enabled", d.Enabled),
        ("radius", d.GeofenceRadiusMeters), ("lat", d.Position?.Latitude), ("lon", d.Position?.Longitude), ("checkpoint", d.Checkpoint.ToString()),
    ];

    private static string? IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;

    private static StoreResult Apply(StoreResult result, Action onSuccess)
    {
        if (result.IsOk)
        {
            onSuccess();
        }

        return result;
    }
}
