using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Engine.Tests.Arrange;

/// <summary>
/// A small world behind <see cref="IAccessDirectory"/>: one organization with a club in Warsaw (plus a second
/// club and a foreign organization), one gate on the main floor, and the people the test adds.
/// </summary>
internal sealed class World : IAccessDirectory
{
    public static readonly OrganizationId Org = new(1);
    public static readonly OrganizationId OtherOrg = new(2);
    public static readonly SiteId Club = new(10);
    public static readonly SiteId OtherClub = new(11);
    public static readonly SiteId ForeignSite = new(20);
    public static readonly ZoneId MainFloor = new(100);
    public static readonly ZoneId SaunaZone = new(101);
    public static readonly ZoneId ForeignZone = new(200);
    public static readonly DeviceId Gate = new(1000);
    public static readonly AccessLogicId GateLogic = new(1);
    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    public static readonly byte[] QrKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>Wednesday 4 March 2026, 10:00 in Warsaw (CET, UTC+1).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<DeviceId, Device> _devices = [];
    private readonly Dictionary<OrganizationId, Organization> _organizations = [];
    private readonly Dictionary<SiteId, Site> _sites = [];
    private readonly Dictionary<ZoneId, Zone> _zones = [];
    private readonly Dictionary<AccessLogicId, AccessLogic> _logics = [];
    private readonly Dictionary<AccessLevelId, AccessLevel> _levels = [];
    private readonly Dictionary<(OrganizationId, string), Credential> _credentials = [];
    private readonly Dictionary<PersonId, PersonBuilder> _people = [];
    private readonly Dictionary<(SiteId, ZoneId?), int> _occupancy = [];
    private long _nextId = 5000;

    public World()
    {
        Add(new Organization(Org, "Fit Chain", QrKey));
        Add(new Organization(OtherOrg, "Other Chain", [9, 9, 9]));
        Add(new Site(Club, Org, "Centrum", Warsaw, new GeoPoint(52.2297, 21.0122), Capacity: 100));
        Add(new Site(OtherClub, Org, "Mokotów", Warsaw));
        Add(new Site(ForeignSite, OtherOrg, "Elsewhere", Warsaw));
        Add(new Zone(MainFloor, Club, "Main floor", ZoneType.MainFloor, Capacity: 50));
        Add(new Zone(SaunaZone, Club, "Sauna", ZoneType.Sauna));
        Add(new Zone(ForeignZone, ForeignSite, "Foreign", ZoneType.MainFloor));
        Add(new AccessLogic { Id = GateLogic, Organization = Org, Name = "Test gate", CreatedAt = Now, ModifiedAt = Now });
        Add(new Device(Gate, Org, Club, MainFloor, "Gate", DeviceKind.Turnstile, DeviceDirection.In, EntryMode.Automatic, GateLogic));
    }

    public AccessLogic Logic => _logics[_devices[Gate].Logic];

    public Device GateDevice => _devices[Gate];

    public long NextId() => ++_nextId;

    public World Add(Organization organization) => Set(_organizations, organization.Id, organization);

    public World Add(Site site) => Set(_sites, site.Id, site);

    public World Add(Zone zone) => Set(_zones, zone.Id, zone);

    public World Add(AccessLogic logic) => Set(_logics, logic.Id, logic);

    public World Add(AccessLevel level) => Set(_levels, level.Id, level);

    public World Add(Device device) => Set(_devices, device.Id, device);

    public World Add(Credential credential, OrganizationId? organization = null) =>
        Set(_credentials, (organization ?? Org, credential.Value), credential);

    public World Occupied(int people, ZoneId? zone = null) => Set(_occupancy, (Club, zone), people);

    /// <summary>Replaces the gate's logic (a LogicBuilder in one line: <c>world.UseLogic(l =&gt; l with { … })</c>).</summary>
    public World UseLogic(Func<AccessLogic, AccessLogic> change) => Add(change(Logic));

    public World Checks(Func<AccessChecks, AccessChecks> change) => UseLogic(l => l with { Checks = change(l.Checks) });

    public World Advanced(Func<AdvancedSettings, AdvancedSettings> change) => UseLogic(l => l with { Advanced = change(l.Advanced) });

    public World Actions(Func<AccessActions, AccessActions> change) => UseLogic(l => l with { Actions = change(l.Actions) });

    public World ChangeGate(Func<Device, Device> change) => Add(change(GateDevice));

    /// <summary>A person of this organization holding one card with <paramref name="card"/> as its number.</summary>
    public PersonBuilder Person(string card = "card-1", PersonKind kind = PersonKind.Member, CredentialKind credentialKind = CredentialKind.Card)
    {
        var builder = new PersonBuilder(this, new PersonId(NextId()), Org, kind);
        _people[builder.Id] = builder;
        builder.Credential(card, credentialKind);
        return builder;
    }

    public PersonBuilder PersonOf(OrganizationId organization, string card)
    {
        var builder = new PersonBuilder(this, new PersonId(NextId()), organization, PersonKind.Member);
        _people[builder.Id] = builder;
        builder.Credential(card, CredentialKind.Card);
        return builder;
    }

    public Decision Scan(string credential, DateTimeOffset? at = null, DeviceId? device = null, Direction? reported = null, GeoPoint? position = null, bool preVerification = false, EntranceReason reason = EntranceReason.None, SiteId? deskSite = null) =>
        Gatekeeper.Decide(new Scan(device ?? Gate, credential, at ?? Now, reported, position, preVerification, reason, deskSite), this);

    public Device? FindDevice(DeviceId id) => _devices.GetValueOrDefault(id);

    public Organization? FindOrganization(OrganizationId id) => _organizations.GetValueOrDefault(id);

    public Site? FindSite(SiteId id) => _sites.GetValueOrDefault(id);

    public Zone? FindZone(ZoneId id) => _zones.GetValueOrDefault(id);

    public AccessLogic? FindLogic(AccessLogicId id) => _logics.GetValueOrDefault(id);

    public AccessLevel? FindLevel(AccessLevelId id) => _levels.GetValueOrDefault(id);

    public Credential? FindCredential(OrganizationId organization, ReadOnlySpan<char> value) =>
        _credentials.GetValueOrDefault((organization, value.ToString()));

    public Entitlements? FindEntitlements(PersonId person) => _people.TryGetValue(person, out var builder) ? builder.Entitlements : null;

    public Presence? FindPresence(PersonId person) => _people.TryGetValue(person, out var builder) ? builder.Presence : null;

    public int Occupancy(SiteId site, ZoneId? zone = null) => _occupancy.GetValueOrDefault((site, zone));

    private World Set<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        map[key] = value;
        return this;
    }
}
