using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Storage.Index;

namespace Gatehouse.Storage;

/// <summary>
/// The in-memory directory the engine decides against (ARCHITECTURE: the scan path never waits on a query).
/// Loaded once at start and kept current by the store after every committed write. Reads are lock-free and do
/// not allocate; writes (internal, store only) are serialized by one gate so read-modify-write of a person's
/// immutable <see cref="Entitlements"/> snapshot is atomic (copy-on-write: readers see the old or the new
/// snapshot, never half of one).
/// </summary>
public sealed partial class AccessIndex : IAccessDirectory
{
    private readonly ConcurrentDictionary<OrganizationId, Organization> _organizations = new();
    private readonly ConcurrentDictionary<SiteId, Site> _sites = new();
    private readonly ConcurrentDictionary<ZoneId, Zone> _zones = new();
    private readonly ConcurrentDictionary<DeviceId, Device> _devices = new();
    private readonly ConcurrentDictionary<AccessLogicId, AccessLogic> _logics = new();
    private readonly ConcurrentDictionary<AccessLevelId, AccessLevel> _levels = new();
    private readonly ConcurrentDictionary<DeviceId, string> _deviceSecrets = new();
    private readonly ConcurrentDictionary<OrganizationId, OrganizationCredentials> _credentials = new();
    private readonly ConcurrentDictionary<PersonId, Entitlements> _people;
    private readonly ConcurrentDictionary<PersonId, PresenceSlot> _presence = new();
    private readonly ConcurrentDictionary<SiteId, StrongBox<int>> _siteOccupancy = new();
    private readonly ConcurrentDictionary<ZoneId, StrongBox<int>> _zoneOccupancy = new();
    private readonly Lock _gate = new();
    private long _localChanges;

    internal AccessIndex(int expectedPeople = 0)
    {
        _people = new ConcurrentDictionary<PersonId, Entitlements>(Environment.ProcessorCount, Math.Max(31, expectedPeople));
    }

    public int PersonCount => _people.Count;

    public int CredentialCount
    {
        get
        {
            var total = 0;
            foreach (var organization in _credentials.Values)
            {
                total += organization.Count;
            }

            return total;
        }
    }

    public Device? FindDevice(DeviceId id) => _devices.TryGetValue(id, out var value) ? value : null;

    public Organization? FindOrganization(OrganizationId id) => _organizations.TryGetValue(id, out var value) ? value : null;

    public Site? FindSite(SiteId id) => _sites.TryGetValue(id, out var value) ? value : null;

    public Zone? FindZone(ZoneId id) => _zones.TryGetValue(id, out var value) ? value : null;

    public AccessLogic? FindLogic(AccessLogicId id) => _logics.TryGetValue(id, out var value) ? value : null;

    public AccessLevel? FindLevel(AccessLevelId id) => _levels.TryGetValue(id, out var value) ? value : null;

    /// <summary>The credential as stored, except its last grant, which only <see cref="FindLastGrant"/> tells.</summary>
    public Credential? FindCredential(OrganizationId organization, ReadOnlySpan<char> value) =>
        _credentials.TryGetValue(organization, out var credentials) ? credentials.Find(value)?.Credential : null;

    public DateTimeOffset? FindLastGrant(OrganizationId organization, Credential credential) =>
        _credentials.TryGetValue(organization, out var credentials) && credentials.Find(credential.Value) is { } slot && slot.Credential.Id == credential.Id
            ? slot.LastGrant
            : null;

    public Entitlements? FindEntitlements(PersonId person) => _people.TryGetValue(person, out var value) ? value : null;

    /// <summary>
    /// The latest of the person's presences: the database may hold one per site, the engine's model one. Kept
    /// apart from the snapshot and written in place (see <see cref="PresenceSlot"/>).
    /// </summary>
    public Presence? FindPresence(PersonId person) => _presence.TryGetValue(person, out var slot) ? slot.Read(person) : null;

    /// <summary>The hash of the device's active secret (R-OPS-02), for authenticating device requests without I/O.</summary>
    public string? FindDeviceSecretHash(DeviceId device) => _deviceSecrets.TryGetValue(device, out var hash) ? hash : null;

    public int Occupancy(SiteId site, ZoneId? zone = null)
    {
        if (zone is { } z)
        {
            return _zoneOccupancy.TryGetValue(z, out var zoneCount) ? Volatile.Read(ref zoneCount.Value) : 0;
        }

        return _siteOccupancy.TryGetValue(site, out var siteCount) ? Volatile.Read(ref siteCount.Value) : 0;
    }
}
