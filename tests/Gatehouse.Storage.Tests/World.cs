using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

/// <summary>A small organization: one site (Amsterdam time), a zone, a logic, an entry gate, a member with a card.</summary>
public sealed record World(Organization Organization, Site Site, Zone Zone, AccessLogic Logic, Device Gate, Person Member, Credential Card)
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public OrganizationId Org => Organization.Id;

    public static async Task<World> CreateAsync(IGatehouseStore store, string name = "Gym")
    {
        var organization = await store.AddOrganizationAsync(new Organization(default, name, [1, 2, 3]));
        var site = (await store.AddSiteAsync(new Site(default, organization.Id, $"{name} Centrum", Amsterdam, new GeoPoint(52.37, 4.89), 200))).Value!;
        var zone = (await store.AddZoneAsync(organization.Id, new Zone(default, site.Id, "Main floor", ZoneType.MainFloor, 150))).Value!;
        var logic = (await store.AddLogicAsync(new AccessLogic
        {
            Id = default,
            Organization = organization.Id,
            Name = "Entry with anti-passback",
            Checks = new AccessChecks { CheckLackOfPresence = true, AllowedGenders = [Gender.Female] },
            Advanced = new AdvancedSettings { DoubleEntryTimeSeconds = 30, ExternalAccessUrl = new Uri("https://example.test/ask") },
            Actions = new AccessActions { AddPresence = true, UseZoneProduct = true },
        })).Value!;
        var gate = (await store.AddDeviceAsync(new Device(default, organization.Id, site.Id, zone.Id, "Gate 1", DeviceKind.Turnstile, DeviceDirection.In, EntryMode.Automatic, logic.Id))).Value!;
        var member = (await store.AddPersonAsync(new Person(default, organization.Id, PersonKind.Member, "Ada", "Lovelace", Gender.Female, Email: $"ada@{name}.test"))).Value!;
        var card = (await store.IssueCredentialAsync(organization.Id, new Credential(default, member.Id, CredentialKind.Card, $"CARD-{name}-1"))).Value!;
        return new World(organization, site, zone, logic, gate, member, card);
    }

    /// <summary>More members of this organization, without cards: "Member", "Number 0" and on.</summary>
    public async Task<List<Person>> AddMembersAsync(IGatehouseStore store, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            people.Add((await store.AddPersonAsync(new Person(default, Org, PersonKind.Member, "Member", $"Number {i}"))).Value!);
        }

        return people;
    }

    /// <summary>
    /// A second logic of this organization that checks double scans, locking a card for <paramref name="seconds"/>
    /// after a grant (R-GYM-10): the store reads back as many grants as its logics can lock with.
    /// </summary>
    public async Task<AccessLogic> AddDoubleScanLogicAsync(IGatehouseStore store, int seconds = 10)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.AddLogicAsync(Logic with
        {
            Id = default,
            Name = "Double scans",
            Checks = new AccessChecks { CheckDoubleScan = true },
            Advanced = new AdvancedSettings { DoubleEntryTimeSeconds = seconds },
        })).Value!;
    }

    public AccessEvent Entry(DateTimeOffset at, string? requestId = null, DecisionActions actions = DecisionActions.AddPresence | DecisionActions.LogEvent, PersonId? person = null, Outcome outcome = Outcome.Granted) => new()
    {
        Organization = Org,
        Device = Gate.Id,
        Site = Site.Id,
        Zone = Zone.Id,
        Credential = Card.Id,
        Person = person ?? Member.Id,
        Direction = Direction.In,
        At = at,
        Outcome = outcome,
        Logic = Logic.Id,
        LogicVersion = Logic.Version,
        VisitReason = new VisitReason(VisitReasonKind.Contract, 7, "Unlimited"),
        DisplayText = "Welcome, Ada!",
        RequestId = requestId,
        Actions = actions,
    };
}
