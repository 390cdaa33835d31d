using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Demo;

public sealed partial class DemoSeeder
{
    private async Task SeedGymAsync(CancellationToken ct)
    {
        var org = await OrganizationAsync("gym", "Ironworks Gym", ct);
        var downtown = await SiteAsync("gym-downtown", org, "Ironworks Downtown", "Europe/Amsterdam", new GeoPoint(52.3702, 4.8952), ct);
        var riverside = await SiteAsync("gym-riverside", org, "Ironworks Riverside", "Europe/Amsterdam", new GeoPoint(52.3580, 4.9041), ct);
        var downtownFloor = await ZoneAsync(org, downtown, "Main floor", ZoneType.MainFloor, ct);
        var riversideFloor = await ZoneAsync(org, riverside, "Main floor", ZoneType.MainFloor, ct);
        await ZoneAsync(org, downtown, "Spa", ZoneType.Spa, ct);

        var entry = await LogicAsync(DemoLogics.GymEntryGate(org, Now), ct);
        var exit = await LogicAsync(DemoLogics.GymExitGate(org, Now), ct);
        var single = await LogicAsync(DemoLogics.GymSingleReader(org, Now), ct);
        await DeviceAsync("gym-entry", downtown, downtownFloor, "Downtown entry gate", DeviceKind.Gate, DeviceDirection.In, EntryMode.Automatic, entry, DemoData.GymEntryGateSecret, ct);
        await DeviceAsync("gym-exit", downtown, downtownFloor, "Downtown exit gate", DeviceKind.Gate, DeviceDirection.Out, EntryMode.Automatic, exit, DemoData.GymExitGateSecret, ct);
        await DeviceAsync("gym-reader", riverside, riversideFloor, "Riverside reader", DeviceKind.Reader, DeviceDirection.Both, EntryMode.Automatic, single, DemoData.GymReaderSecret, ct);

        var year = new TimeWindow(Today.AddMonths(-6), Today.AddMonths(6));
        var anna = await PersonAsync("anna", org, PersonKind.Member, "Anna", "Active", ct, Gender.Female, email: "anna@example.com");
        await ContractAsync(org, anna, "Unlimited", year, ct);
        await CardAsync(org, anna, DemoData.CardActive, ct);

        var ben = await PersonAsync("ben", org, PersonKind.Member, "Ben", "Debtor", ct, Gender.Male);
        var bensContract = await ContractAsync(org, ben, "Unlimited", year, ct);
        Must(await store.AddInvoiceAsync(org, new Invoice(default, ben.Id, 49.90m, Now.AddDays(-30), Contract: bensContract.Id), ct));
        await CardAsync(org, ben, DemoData.CardDebt, ct);

        var carla = await PersonAsync("carla", org, PersonKind.Member, "Carla", "Expired", ct, Gender.Female);
        await ContractAsync(org, carla, "Unlimited", new TimeWindow(Today.AddMonths(-13), Today.AddMonths(-1)), ct);
        await CardAsync(org, carla, DemoData.CardExpired, ct);

        var dan = await PersonAsync("dan", org, PersonKind.Member, "Dan", "Lostcard", ct, Gender.Male);
        await ContractAsync(org, dan, "Off-peak", year, ct);
        await CardAsync(org, dan, DemoData.CardLost, ct, CredentialFlags.Lost);
        await CardAsync(org, dan, DemoData.CardReplacement, ct);

        var eli = await PersonAsync("eli", org, PersonKind.Member, "Eli", "Blocked", ct);
        await ContractAsync(org, eli, "Unlimited", year, ct);
        await CardAsync(org, eli, DemoData.CardBlocked, ct, CredentialFlags.Blocked);

        await StaffAsync(org, DemoData.GymOwner, StaffRole.Owner, ct);
        await StaffAsync(org, DemoData.GymAdmin, StaffRole.Administrator, ct);
        await StaffAsync(org, DemoData.GymReceptionist, StaffRole.Receptionist, ct, deskKey: "gym-entry", siteKey: "gym-downtown");
    }

    private async Task<Contract> ContractAsync(OrganizationId org, Person person, string name, TimeWindow validity, CancellationToken ct, SubscriptionId? subscription = null) =>
        Must(await store.AddContractAsync(org, new Contract(default, person.Id, name, validity, Rules: [AccessRule.Anytime()], Subscription: subscription), ct));
}
