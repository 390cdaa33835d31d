using System.Globalization;
using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Benchmarks;

/// <summary>
/// One organization with a gym, a studio and an office building, and a million people holding two million
/// credentials, generated from a fixed seed so every run decides over the same data.
/// </summary>
public static class BenchmarkWorld
{
    public const int People = 1_000_000;

    public static readonly OrganizationId Org = new(1);
    public static readonly SiteId Gym = new(1);
    public static readonly SiteId Studio = new(2);
    public static readonly SiteId Office = new(3);
    public static readonly DeviceId GymGate = new(1);
    public static readonly DeviceId StudioDoor = new(2);
    public static readonly DeviceId OfficeDoor = new(3);
    public static readonly GeoPoint StudioPosition = new(52.2297, 21.0122);
    public static readonly AccessLevelId CompanyLevel = new(1);

    /// <summary>Wednesday 4 March 2026, 10:00 in Warsaw: every benchmark scan happens then.</summary>
    public static readonly DateTimeOffset At = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public static BenchmarkDirectory Build()
    {
        var directory = new BenchmarkDirectory(Org, People, 2 * People);
        var warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        directory.Add(new Organization(Org, "Bench", [.. Enumerable.Range(0, 32).Select(i => (byte)i)]));
        directory.Add(new Site(Gym, Org, "Gym", warsaw));
        directory.Add(new Site(Studio, Org, "Studio", warsaw, StudioPosition));
        directory.Add(new Site(Office, Org, "Office", warsaw, Capacity: 500));
        directory.Add(new Zone(new ZoneId(1), Gym, "Main floor", ZoneType.MainFloor));
        directory.Add(new Zone(new ZoneId(2), Studio, "Studio room", ZoneType.StudioRoom));
        directory.Add(new Zone(new ZoneId(3), Office, "Floor 5", ZoneType.OfficeFloor, Capacity: 100));
        directory.Add(new AccessLevel(CompanyLevel, Org, "Acme", [new ZoneId(3)]));
        directory.Add(AccessLogicPresets.GymEntryGate(new AccessLogicId(1), Org, At));
        directory.Add(AccessLogicPresets.StudioDoor(new AccessLogicId(2), Org, At));
        directory.Add(AccessLogicPresets.OfficeEmployeeDoor(new AccessLogicId(3), Org, At));
        directory.Add(new Device(GymGate, Org, Gym, new ZoneId(1), "Gate", DeviceKind.Turnstile, DeviceDirection.In, EntryMode.Automatic, new AccessLogicId(1)));
        directory.Add(new Device(StudioDoor, Org, Studio, new ZoneId(2), "Door", DeviceKind.Door, DeviceDirection.In, EntryMode.Automatic, new AccessLogicId(2), GeofenceRadiusMeters: 50, Position: StudioPosition));
        directory.Add(new Device(OfficeDoor, Org, Office, new ZoneId(3), "Floor 5", DeviceKind.Door, DeviceDirection.In, EntryMode.Automatic, new AccessLogicId(3)));

        var random = new Random(20260304);
        var today = new DateOnly(2026, 3, 4);
        for (var i = 0; i < People; i++)
        {
            directory.Add(NewPerson(directory, random, i, today));
        }

        return directory;
    }

    public static string Card(int index) => "C" + index.ToString("D8", CultureInfo.InvariantCulture);

    public static string Token(int index) => "T" + index.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Every tenth person is an employee with a rotating QR; the others hold a card and an app token.</summary>
    public static bool IsEmployee(int index) => index % 10 == 0;

    /// <summary>One member in ten has a contract that ended last month.</summary>
    public static bool HasExpiredContract(int index) => index % 10 == 7;

    public static byte[] SecretOf(int index) => [.. BitConverter.GetBytes(index), .. BitConverter.GetBytes(~index), 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7];

    private static Entitlements NewPerson(BenchmarkDirectory directory, Random random, int index, DateOnly today)
    {
        var id = new PersonId(index + 1L);
        var employee = IsEmployee(index);
        var person = new Person(id, Org, employee ? PersonKind.Employee : PersonKind.Member, "First" + index.ToString(CultureInfo.InvariantCulture), "Last", (Gender)random.Next(4));
        var start = At.AddDays(-random.Next(30, 700));
        var until = HasExpiredContract(index) ? At.AddDays(-random.Next(1, 28)) : At.AddDays(random.Next(1, 365));
        var contract = new Contract(new ContractId(index + 1L), id, "Open", new TimeWindow(start, until));
        directory.Add(new Credential(new CredentialId((2L * index) + 1), id, CredentialKind.Card, Card(index)));
        if (!employee)
        {
            directory.Add(new Credential(new CredentialId((2L * index) + 2), id, CredentialKind.AppToken, Token(index)));
            return new Entitlements(person) { Contracts = [contract] };
        }

        directory.Add(new Credential(new CredentialId((2L * index) + 2), id, CredentialKind.RotatingQr, Token(index), Secret: SecretOf(index)));
        var officeDay = new Booking(new BookingId(index + 1L), id, BookingKind.OfficeDay, "Office day", Office, TimeWindow.Starting(At.AddHours(-2), TimeSpan.FromHours(9)));
        return new Entitlements(person)
        {
            Contracts = [contract],
            Bookings = [officeDay],
            Questionnaires = [new QuestionnaireResult(new QuestionnaireId(index + 1L), id, today, true)],
            Employment = new EmploymentTerms(new CompanyId(1), CompanyLevel, ConditionalAccess: true),
        };
    }

    /// <summary>The rotating QR text the employee's app shows at <see cref="At"/>.</summary>
    public static string RotatingQr(int index) => RotatingQrCode.Issue(Token(index), SecretOf(index), At);
}
