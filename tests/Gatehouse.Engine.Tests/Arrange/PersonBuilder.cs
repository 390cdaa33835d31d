using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Tests.Arrange;

/// <summary>Arranges one person's entitlements; every call updates what the world's directory returns.</summary>
internal sealed class PersonBuilder
{
    private readonly World _world;

    public PersonBuilder(World world, PersonId id, OrganizationId organization, PersonKind kind)
    {
        _world = world;
        Id = id;
        Entitlements = new Entitlements(new Person(id, organization, kind, "Anna", "Nowak"));
    }

    public PersonId Id { get; }

    public Entitlements Entitlements { get; private set; }

    public Credential Card { get; private set; } = null!;

    public Presence? Presence { get; private set; }

    /// <summary>A valid main contract for every zone, any time: from a year ago to a year ahead.</summary>
    public static Contract Anytime(PersonId person, string name = "Open 12") =>
        new(new ContractId(1), person, name, new TimeWindow(World.Now.AddYears(-1), World.Now.AddYears(1)));

    public PersonBuilder With(Func<Entitlements, Entitlements> change)
    {
        Entitlements = change(Entitlements);
        return this;
    }

    public PersonBuilder Profile(Func<Person, Person> change) => With(e => e with { Person = change(e.Person) });

    public PersonBuilder Credential(string value, CredentialKind kind = CredentialKind.Card, CredentialFlags flags = CredentialFlags.None, TimeWindow? validity = null, byte[]? secret = null, DateTimeOffset? lastGrantedAt = null)
    {
        Card = new Credential(new CredentialId(_world.NextId()), Id, kind, value, flags, validity, secret, lastGrantedAt);
        _world.Add(Card, Entitlements.Person.Organization);
        return this;
    }

    public PersonBuilder Flags(CredentialFlags flags) => Credential(Card.Value, Card.Kind, flags, Card.Validity, Card.Secret, Card.LastGrantedAt);

    public PersonBuilder Contract(Contract contract) => With(e => e with { Contracts = [.. e.Contracts, contract] });

    public PersonBuilder Contract(Func<Contract, Contract>? change = null) => Contract((change ?? (c => c))(Anytime(Id)));

    public PersonBuilder Invoice(Invoice invoice) => With(e => e with { Invoices = [.. e.Invoices, invoice] });

    public PersonBuilder Booking(Booking booking) => With(e => e with { Bookings = [.. e.Bookings, booking] });

    public PersonBuilder Product(EntranceProduct product) => With(e => e with { Products = [.. e.Products, product] });

    public PersonBuilder Present(SiteId? site = null, bool byStaff = false)
    {
        Presence = new Presence(Id, site ?? World.Club, World.Now.AddHours(-1), byStaff);
        return this;
    }

    public Booking NewBooking(BookingKind kind, DateTimeOffset start, int minutes = 60, string name = "Yoga", SiteId? site = null) =>
        new(new BookingId(_world.NextId()), Id, kind, name, site ?? World.Club, TimeWindow.Starting(start, TimeSpan.FromMinutes(minutes)), Teacher: "Ola", Spot: "7");
}
