using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Demo;

public sealed partial class DemoSeeder
{
    private async Task SeedStudioAsync(CancellationToken ct)
    {
        var org = await OrganizationAsync("studio", "Lotus Yoga Studio", ct);
        var studio = await SiteAsync("studio", org, "Lotus Centrum", "Europe/Paris", new GeoPoint(48.8566, 2.3522), ct);
        var room = await ZoneAsync(org, studio, "Studio room", ZoneType.StudioRoom, ct);
        var desk = await LogicAsync(DemoLogics.StudioFrontDesk(org, Now), ct);
        var door = await LogicAsync(DemoLogics.StudioDoor(org, Now), ct);
        await DeviceAsync("studio-desk", studio, room, "Front desk", DeviceKind.FrontDesk, DeviceDirection.In, EntryMode.Manual, desk, DemoData.StudioDeskSecret, ct);
        await DeviceAsync("studio-door", studio, room, "Automatic door", DeviceKind.Door, DeviceDirection.In, EntryMode.Automatic, door, DemoData.StudioDoorSecret, ct,
            geofenceRadiusMeters: 100);

        var season = new TimeWindow(Today.AddMonths(-2), Today.AddMonths(4));
        var fay = await PersonAsync("fay", org, PersonKind.Member, "Fay", "Pass", ct, Gender.Female);
        await ContractAsync(org, fay, "10-class pass", season, ct);
        await CardAsync(org, fay, DemoData.CardStudioPass, ct);

        // A class starting in 20 minutes and no pass: the booking admits, with a warning (R-STU-05, R-STU-06).
        var gus = await PersonAsync("gus", org, PersonKind.Member, "Gus", "Bookingonly", ct, Gender.Male);
        Must(await store.AddBookingAsync(org, new Booking(default, gus.Id, BookingKind.ClassSession, "Vinyasa Flow", studio.Id,
            TimeWindow.Starting(Now.AddMinutes(20), TimeSpan.FromHours(1)), Teacher: "Maya", Spot: "7"), ct));
        await CardAsync(org, gus, DemoData.CardStudioBookingOnly, ct);

        var hana = await PersonAsync("hana", org, PersonKind.Member, "Hana", "Newpicture", ct, Gender.Female);
        await ContractAsync(org, hana, "Monthly unlimited", season, ct);
        Must(await store.ChangePictureAsync(org, hana.Id, "demo/hana-2.jpg", ct));
        await CardAsync(org, hana, DemoData.CardStudioNewPicture, ct);

        var ivo = await PersonAsync("ivo", org, PersonKind.Member, "Ivo", "Paused", ct, Gender.Male);
        var subscription = new SubscriptionId(9001);
        await ContractAsync(org, ivo, "Monthly unlimited", season, ct, subscription);
        Must(await store.AddPauseAsync(org, ivo.Id, new SubscriptionPause(subscription, new TimeWindow(Now.AddDays(-3), Now.AddDays(11))), ct));
        await CardAsync(org, ivo, DemoData.CardStudioPaused, ct);

        await StaffAsync(org, DemoData.StudioOwner, StaffRole.Owner, ct);
        await StaffAsync(org, DemoData.StudioReceptionist, StaffRole.Receptionist, ct, deskKey: "studio-desk", siteKey: "studio");
    }
}
