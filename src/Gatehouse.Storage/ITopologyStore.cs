using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// Organizations, sites, zones, devices (and their secrets), access logics and access levels. Every call that
/// names a row by id also takes the organization and never reads or writes another organization's row: a row of
/// another organization is simply <see cref="StoreError.NotFound"/>. Adds ignore the given id and return the row
/// with its assigned id. Every write updates <see cref="IGatehouseStore.Index"/> after commit.
/// </summary>
public interface ITopologyStore
{
    Task<Organization> AddOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    Task<Organization?> GetOrganizationAsync(OrganizationId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>Invalid when the time zone has no IANA id.</summary>
    Task<StoreResult<Site>> AddSiteAsync(Site site, CancellationToken cancellationToken = default);

    Task<Site?> GetSiteAsync(OrganizationId organization, SiteId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Site>> ListSitesAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateSiteAsync(Site site, CancellationToken cancellationToken = default);

    /// <summary>InUse while zones or devices belong to it.</summary>
    Task<StoreResult> DeleteSiteAsync(OrganizationId organization, SiteId id, CancellationToken cancellationToken = default);

    /// <summary>NotFound when the zone's site is not in the organization.</summary>
    Task<StoreResult<Zone>> AddZoneAsync(OrganizationId organization, Zone zone, CancellationToken cancellationToken = default);

    Task<Zone?> GetZoneAsync(OrganizationId organization, ZoneId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Zone>> ListZonesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateZoneAsync(OrganizationId organization, Zone zone, CancellationToken cancellationToken = default);

    /// <summary>InUse while devices are in it.</summary>
    Task<StoreResult> DeleteZoneAsync(OrganizationId organization, ZoneId id, CancellationToken cancellationToken = default);

    /// <summary>NotFound when its site, zone or logic is not in the organization.</summary>
    Task<StoreResult<Device>> AddDeviceAsync(Device device, CancellationToken cancellationToken = default);

    Task<Device?> GetDeviceAsync(OrganizationId organization, DeviceId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Device>> ListDevicesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateDeviceAsync(Device device, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteDeviceAsync(OrganizationId organization, DeviceId id, CancellationToken cancellationToken = default);

    /// <summary>Revokes the device's active secrets and stores the new hash (R-OPS-02).</summary>
    Task<StoreResult<DeviceSecret>> RotateDeviceSecretAsync(OrganizationId organization, DeviceId device, string secretHash, CancellationToken cancellationToken = default);

    Task<StoreResult> RevokeDeviceSecretsAsync(OrganizationId organization, DeviceId device, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeviceSecret>> ListDeviceSecretsAsync(OrganizationId organization, DeviceId device, CancellationToken cancellationToken = default);

    /// <summary>Stored with version 1 and created/modified set to now (R-GYM-01).</summary>
    Task<StoreResult<AccessLogic>> AddLogicAsync(AccessLogic logic, CancellationToken cancellationToken = default);

    Task<AccessLogic?> GetLogicAsync(OrganizationId organization, AccessLogicId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccessLogic>> ListLogicsAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    /// <summary>Bumps the version and the modified time; returns the stored logic.</summary>
    Task<StoreResult<AccessLogic>> UpdateLogicAsync(AccessLogic logic, CancellationToken cancellationToken = default);

    /// <summary>InUse while a device uses it (R-GYM-01: deleting a logic in use is refused with a clear error).</summary>
    Task<StoreResult> DeleteLogicAsync(OrganizationId organization, AccessLogicId id, CancellationToken cancellationToken = default);

    Task<StoreResult<AccessLevel>> AddLevelAsync(AccessLevel level, CancellationToken cancellationToken = default);

    Task<AccessLevel?> GetLevelAsync(OrganizationId organization, AccessLevelId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccessLevel>> ListLevelsAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateLevelAsync(AccessLevel level, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteLevelAsync(OrganizationId organization, AccessLevelId id, CancellationToken cancellationToken = default);
}
