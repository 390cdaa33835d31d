using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Scanning;

/// <summary>
/// The engine's read-only window onto the world, implemented in memory by the server's access index (and by
/// dictionaries in tests and benchmarks). Lookups must not do I/O: the engine stays pure and fast.
/// </summary>
public interface IAccessDirectory
{
    Device? FindDevice(DeviceId id);

    Organization? FindOrganization(OrganizationId id);

    Site? FindSite(SiteId id);

    Zone? FindZone(ZoneId id);

    AccessLogic? FindLogic(AccessLogicId id);

    AccessLevel? FindLevel(AccessLevelId id);

    /// <summary>A credential by its value within one organization (card number, QR credential number, …).</summary>
    Credential? FindCredential(OrganizationId organization, ReadOnlySpan<char> value);

    /// <summary>
    /// When the credential last opened something (the double-scan lock, R-GYM-10). Asked apart from
    /// <see cref="FindCredential"/> because it changes on every grant: a directory may keep it beside the record so a
    /// grant does not need a new one (the server's index does). By default, the record's own value.
    /// </summary>
    DateTimeOffset? FindLastGrant(OrganizationId organization, Credential credential) => credential.LastGrantedAt;

    Entitlements? FindEntitlements(PersonId person);

    /// <summary>Where the person is inside now, if anywhere (R-GYM-08, R-GYM-09); the latest entry when several sites.</summary>
    Presence? FindPresence(PersonId person);

    /// <summary>People present now at the site, or in the zone when given (R-OPS-04, R-EMP-04).</summary>
    int Occupancy(SiteId site, ZoneId? zone = null);
}
