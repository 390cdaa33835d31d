using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Benchmarks;

/// <summary>
/// The server's access index in miniature: dictionaries, with credentials looked up by span through an alternate
/// lookup so that a scan does not allocate a string to find its credential.
/// </summary>
public sealed class BenchmarkDirectory : IAccessDirectory
{
    private readonly Dictionary<DeviceId, Device> _devices = [];
    private readonly Dictionary<OrganizationId, Organization> _organizations = [];
    private readonly Dictionary<SiteId, Site> _sites = [];
    private readonly Dictionary<ZoneId, Zone> _zones = [];
    private readonly Dictionary<AccessLogicId, AccessLogic> _logics = [];
    private readonly Dictionary<AccessLevelId, AccessLevel> _levels = [];
    private readonly Dictionary<string, Credential> _credentials;
    private readonly Dictionary<string, Credential>.AlternateLookup<ReadOnlySpan<char>> _credentialsBySpan;
    private readonly Dictionary<PersonId, Entitlements> _people;
    private readonly OrganizationId _organization;

    public BenchmarkDirectory(OrganizationId organization, int people, int credentials)
    {
        _organization = organization;
        _people = new Dictionary<PersonId, Entitlements>(people);
        _credentials = new Dictionary<string, Credential>(credentials, StringComparer.Ordinal);
        _credentialsBySpan = _credentials.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int PeopleCount => _people.Count;

    public int CredentialCount => _credentials.Count;

    public void Add(Organization organization) => _organizations[organization.Id] = organization;

    public void Add(Site site) => _sites[site.Id] = site;

    public void Add(Zone zone) => _zones[zone.Id] = zone;

    public void Add(AccessLogic logic) => _logics[logic.Id] = logic;

    public void Add(AccessLevel level) => _levels[level.Id] = level;

    public void Add(Device device) => _devices[device.Id] = device;

    public void Add(Entitlements entitlements) => _people[entitlements.Person.Id] = entitlements;

    public void Add(Credential credential) => _credentials[credential.Value] = credential;

    public Device? FindDevice(DeviceId id) => _devices.GetValueOrDefault(id);

    public Organization? FindOrganization(OrganizationId id) => _organizations.GetValueOrDefault(id);

    public Site? FindSite(SiteId id) => _sites.GetValueOrDefault(id);

    public Zone? FindZone(ZoneId id) => _zones.GetValueOrDefault(id);

    public AccessLogic? FindLogic(AccessLogicId id) => _logics.GetValueOrDefault(id);

    public AccessLevel? FindLevel(AccessLevelId id) => _levels.GetValueOrDefault(id);

    public Credential? FindCredential(OrganizationId organization, ReadOnlySpan<char> value) =>
        organization == _organization && _credentialsBySpan.TryGetValue(value, out var credential) ? credential : null;

    public Entitlements? FindEntitlements(PersonId person) => _people.GetValueOrDefault(person);

    // Nobody is inside: the benchmark's gate checks nothing about presence.
    public Presence? FindPresence(PersonId person) => null;

    public int Occupancy(SiteId site, ZoneId? zone = null) => 42;
}
