using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Demo;

public sealed partial class DemoSeeder
{
    private async Task SeedOfficeAsync(CancellationToken ct)
    {
        var org = await OrganizationAsync("office", "Harbor Tower", ct);
        var tower = await SiteAsync("office", org, "Harbor Tower", "Europe/London", new GeoPoint(51.5072, -0.1276), ct);
        var lobby = await ZoneAsync(org, tower, "Lobby", ZoneType.Lobby, ct);
        var acmeFloor = await ZoneAsync(org, tower, "Floor 5 (Acme)", ZoneType.OfficeFloor, ct);
        var globexFloor = await ZoneAsync(org, tower, "Floor 7 (Globex)", ZoneType.OfficeFloor, ct);
        var elevator = await ZoneAsync(org, tower, "Elevator floors", ZoneType.ElevatorFloor, ct);
        var parking = await ZoneAsync(org, tower, "Parking", ZoneType.Parking, ct);

        var acmeLevel = await LevelAsync(org, "Acme employees", [lobby.Id, acmeFloor.Id, elevator.Id, parking.Id], ct);
        var globexLevel = await LevelAsync(org, "Globex employees", [lobby.Id, globexFloor.Id, elevator.Id], ct);
        // Elevator floors and the car park are zones like any door, so a visitor level can include them (R-VIS-11).
        var visitorLevel = await LevelAsync(org, "Standard visitor", [lobby.Id, elevator.Id, acmeFloor.Id, parking.Id], ct);
        var preCheckIn = await LevelAsync(org, "Visitor before check-in", [lobby.Id], ct);

        var kiosk = await LogicAsync(DemoLogics.VisitorKiosk(org, Now), ct);
        var door = await LogicAsync(DemoLogics.OfficeEmployeeDoor(org, Now), ct);
        await DeviceAsync("office-kiosk", tower, lobby, "Visitor kiosk", DeviceKind.Kiosk, DeviceDirection.In, EntryMode.Automatic, kiosk, DemoData.OfficeKioskSecret, ct, VisitorCheckpoint.CheckIn);
        await DeviceAsync("office-acme-door", tower, acmeFloor, "Acme door, floor 5", DeviceKind.Door, DeviceDirection.In, EntryMode.Automatic, door, DemoData.OfficeAcmeDoorSecret, ct);
        await DeviceAsync("office-globex-door", tower, globexFloor, "Globex door, floor 7", DeviceKind.Door, DeviceDirection.In, EntryMode.Automatic, door, DemoData.OfficeGlobexDoorSecret, ct);
        await DeviceAsync("office-elevator", tower, elevator, "Elevator panel", DeviceKind.ElevatorPanel, DeviceDirection.In, EntryMode.Automatic, door, DemoData.OfficeElevatorSecret, ct);
        await DeviceAsync("office-parking", tower, parking, "Parking barrier", DeviceKind.ParkingBarrier, DeviceDirection.Reported, EntryMode.Automatic, door, DemoData.OfficeParkingSecret, ct);

        var acme = new CompanyId(1);
        var globex = new CompanyId(2);
        var jack = await PersonAsync("jack", org, PersonKind.Employee, "Jack", "Acme", ct, Gender.Male, acme, "jack@acme.example");
        Must(await store.SetEmploymentAsync(org, jack.Id, new EmploymentTerms(acme, acmeLevel.Id), ct));
        await CardAsync(org, jack, DemoData.CardAcmeEmployee, ct);

        var kim = await PersonAsync("kim", org, PersonKind.Employee, "Kim", "Globex", ct, Gender.Female, globex, "kim@globex.example");
        Must(await store.SetEmploymentAsync(org, kim.Id, new EmploymentTerms(globex, globexLevel.Id), ct));
        await CardAsync(org, kim, DemoData.CardGlobexEmployee, ct);

        // Lena's QR stays at the pre-check-in level (the lobby) until she checks in at the kiosk (R-VIS-04/05).
        var lena = await PersonAsync("lena", org, PersonKind.Visitor, "Lena", "Visitor", ct, Gender.Female, email: "lena@example.com");
        Must(await store.SetVisitorPassAsync(org, new VisitorPass(lena.Id, tower.Id, "standard visitor",
            new TimeWindow(Now.AddHours(-1), Now.AddHours(4)), visitorLevel.Id, preCheckIn.Id), ct));
        await CardAsync(org, lena, DemoData.VisitorToken, ct);

        await StaffAsync(org, DemoData.OfficeAdmin, StaffRole.Administrator, ct);
    }

    private async Task<AccessLevel> LevelAsync(OrganizationId org, string name, ZoneId[] zones, CancellationToken ct) =>
        Must(await store.AddLevelAsync(new AccessLevel(default, org, name, zones), ct));
}
