using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Office;

/// <summary>An office building arranged on the test world: lobby, fifth floor, its elevator stop and the car park.</summary>
internal static class Office
{
    public static readonly ZoneId Lobby = new(300);
    public static readonly ZoneId Floor5 = new(301);
    public static readonly ZoneId Elevator5 = new(302);
    public static readonly ZoneId Parking = new(303);
    public static readonly ZoneId Floor6 = new(304);
    public static readonly ZoneId Elevator6 = new(305);

    public static readonly AccessLevelId PreCheckIn = new(1);
    public static readonly AccessLevelId StandardVisitor = new(2);
    public static readonly AccessLevelId Contractor = new(3);
    public static readonly AccessLevelId CompanyA = new(10);
    public static readonly AccessLevelId CompanyB = new(11);

    public static readonly DeviceId LobbyDoor = new(2001);
    public static readonly DeviceId Floor5Door = new(2002);
    public static readonly DeviceId Elevator5Panel = new(2003);
    public static readonly DeviceId ParkingBarrier = new(2004);
    public static readonly DeviceId Kiosk = new(2005);
    public static readonly DeviceId ExitReader = new(2006);
    public static readonly DeviceId Elevator6Panel = new(2007);
    public static readonly DeviceId EmployeeFloor5 = new(2010);
    public static readonly DeviceId EmployeeFloor6 = new(2011);

    /// <summary>The meeting: from 30 minutes after <see cref="World.Now"/>, two hours long.</summary>
    public static readonly TimeWindow Meeting = TimeWindow.Starting(World.Now.AddMinutes(30), TimeSpan.FromHours(2));

    public static World Build()
    {
        var world = new World();
        var visitorDoor = new AccessLogicId(20);
        var kiosk = new AccessLogicId(21);
        var employeeDoor = new AccessLogicId(22);
        world.Add(AccessLogicPresets.OfficeVisitorDoor(visitorDoor, World.Org, World.Now))
            .Add(AccessLogicPresets.VisitorKiosk(kiosk, World.Org, World.Now))
            .Add(AccessLogicPresets.OfficeEmployeeDoor(employeeDoor, World.Org, World.Now));
        world.Add(new Zone(Lobby, World.Club, "Lobby", ZoneType.Lobby))
            .Add(new Zone(Floor5, World.Club, "Floor 5", ZoneType.OfficeFloor, Capacity: 20))
            .Add(new Zone(Elevator5, World.Club, "Elevator stop 5", ZoneType.ElevatorFloor))
            .Add(new Zone(Parking, World.Club, "Car park", ZoneType.Parking))
            .Add(new Zone(Floor6, World.Club, "Floor 6", ZoneType.OfficeFloor))
            .Add(new Zone(Elevator6, World.Club, "Elevator stop 6", ZoneType.ElevatorFloor));
        world.Add(new AccessLevel(PreCheckIn, World.Org, "Before check-in", [Lobby]))
            .Add(new AccessLevel(StandardVisitor, World.Org, "Visitor", [Lobby, Floor5, Elevator5]))
            .Add(new AccessLevel(Contractor, World.Org, "Contractor", [Lobby, Floor5, Elevator5, Parking]))
            .Add(new AccessLevel(CompanyA, World.Org, "Acme", [Lobby, Floor5, Elevator5, Parking]))
            .Add(new AccessLevel(CompanyB, World.Org, "Globex", [Lobby, Floor6, Elevator6]));
        Device(world, LobbyDoor, Lobby, visitorDoor, DeviceKind.Door);
        Device(world, Floor5Door, Floor5, visitorDoor, DeviceKind.Door);
        Device(world, Elevator5Panel, Elevator5, visitorDoor, DeviceKind.ElevatorPanel);
        Device(world, Elevator6Panel, Elevator6, visitorDoor, DeviceKind.ElevatorPanel);
        Device(world, ParkingBarrier, Parking, visitorDoor, DeviceKind.ParkingBarrier);
        Device(world, Kiosk, Lobby, kiosk, DeviceKind.Kiosk, checkpoint: VisitorCheckpoint.CheckIn);
        Device(world, ExitReader, Lobby, visitorDoor, DeviceKind.Reader, DeviceDirection.Reported, VisitorCheckpoint.ByDirection);
        Device(world, EmployeeFloor5, Floor5, employeeDoor, DeviceKind.Door);
        Device(world, EmployeeFloor6, Floor6, employeeDoor, DeviceKind.Door);
        return world;
    }

    public static PersonBuilder Visitor(this World world, string token, AccessLevelId level, AccessLevelId? preCheckIn = null, DateTimeOffset? checkedIn = null, CredentialFlags flags = CredentialFlags.None) =>
        world.Person(token, PersonKind.Visitor, CredentialKind.StaticQr)
            .Flags(flags)
            .With(e => e with { Visitor = new VisitorPass(e.Person.Id, World.Club, "Visitor", Meeting, level, preCheckIn, checkedIn) });

    /// <summary>The invitation's QR code, issued a week before the visit.</summary>
    public static string Invitation(string token) => StaticQrCode.Issue(World.QrKey, token, World.Club, World.Now.AddDays(-7));

    private static void Device(World world, DeviceId id, ZoneId zone, AccessLogicId logic, DeviceKind kind, DeviceDirection direction = DeviceDirection.In, VisitorCheckpoint checkpoint = VisitorCheckpoint.None) =>
        world.Add(new Gatehouse.Engine.Model.Device(id, World.Org, World.Club, zone, id.ToString(), kind, direction, EntryMode.Automatic, logic, Checkpoint: checkpoint));
}
