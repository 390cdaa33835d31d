using System.Security.Cryptography;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Devices;
using Gatehouse.Storage;

namespace Gatehouse.LoadTest;

/// <summary>
/// A gym chain of <see cref="LoadOptions.People"/> members: 90% with an active contract, 10% expired (denied);
/// entry gates with anti-passback, exit gates and single readers, each locking a card for
/// <see cref="LoadOptions.DoubleEntrySeconds"/> after a grant. Cards are <c>C{person}-{n}</c>.
/// </summary>
public static class LoadSeed
{
    public const int EntryGates = 16;
    public const int ExitGates = 16;
    public const int Readers = 8;

    public static string Secret(long device) => $"load-secret-{device}";

    public static string Card(long person, int n = 0) => $"C{person}-{n}";

    /// <summary>Every tenth member's contract has expired: their scans are denied.</summary>
    public static bool Expired(long person) => person % 10 == 0;

    /// <summary>
    /// Seeds through a store of its own, closed before this returns. That store's index holds every seeded person
    /// too, so nothing may keep it reachable once the server starts, or the start-up memory measured doubles.
    /// </summary>
    public static async Task<long[]> SeedAsync(StoreOptions storeOptions, LoadOptions options, TimeProvider time)
    {
        var devices = await SeedAndCloseAsync(storeOptions, options, time);

        // The store's DisposeAsync completed synchronously into this continuation, so without a yield the caller
        // (the whole server run) would run inside that DisposeAsync frame, which keeps the store and its index alive.
        await Task.Yield();

        // The seed's garbage (a million people twice over) would otherwise stay committed and count in the
        // server's working set: give it back to the OS so start-up is measured as a freshly started server's.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return devices;
    }

    public static async Task<long[]> SeedAsync(IGatehouseStore store, LoadOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var org = (await store.AddOrganizationAsync(new Organization(default, "Load Gym", RandomNumberGenerator.GetBytes(32)))).Id;
        var site = (await store.AddSiteAsync(new Site(default, org, "Load club", TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")))).Value!;
        var zone = (await store.AddZoneAsync(org, new Zone(default, site.Id, "Main floor", ZoneType.MainFloor))).Value!;
        AccessLogic Locked(AccessLogic logic) => logic with { Advanced = logic.Advanced with { DoubleEntryTimeSeconds = options.DoubleEntrySeconds } };
        var entry = (await store.AddLogicAsync(Locked(AccessLogicPresets.GymEntryGate(default, org, now)))).Value!;
        var exit = (await store.AddLogicAsync(Locked(AccessLogicPresets.GymExitGate(default, org, now)))).Value!;
        var reader = (await store.AddLogicAsync(Locked(AccessLogicPresets.GymSingleReader(default, org, now)))).Value!;
        var devices = new List<long>();
        async Task AddAsync(string name, DeviceDirection direction, AccessLogic logic)
        {
            var device = (await store.AddDeviceAsync(new Device(default, org, site.Id, zone.Id, name, DeviceKind.Gate, direction, EntryMode.Automatic, logic.Id))).Value!;
            await store.RotateDeviceSecretAsync(org, device.Id, DeviceSecretHash.Hash(Secret(device.Id.Value)));
            devices.Add(device.Id.Value);
        }

        for (var i = 0; i < EntryGates; i++)
        {
            await AddAsync($"Entry {i}", DeviceDirection.In, entry);
        }

        for (var i = 0; i < ExitGates; i++)
        {
            await AddAsync($"Exit {i}", DeviceDirection.Out, exit);
        }

        for (var i = 0; i < Readers; i++)
        {
            await AddAsync($"Reader {i}", DeviceDirection.Both, reader);
        }

        var active = new TimeWindow(now.AddYears(-1), now.AddYears(1));
        var expired = new TimeWindow(now.AddYears(-2), now.AddDays(-1));
        var people = new List<Person>(options.People);
        var cards = new List<Credential>(options.People * options.CardsPerPerson);
        var contracts = new List<Contract>(options.People);
        for (long p = 1; p <= options.People; p++)
        {
            people.Add(new Person(new PersonId(p), org, PersonKind.Member, "Member", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            for (var n = 0; n < options.CardsPerPerson; n++)
            {
                cards.Add(new Credential(new CredentialId(((p - 1) * options.CardsPerPerson) + n + 1), new PersonId(p), CredentialKind.Card, Card(p, n)));
            }

            contracts.Add(new Contract(new ContractId(p), new PersonId(p), "Unlimited", Expired(p) ? expired : active, Rules: [AccessRule.Anytime()]));
        }

        await store.BulkLoadAsync(org, new BulkSeed(people, cards) { Contracts = contracts });
        return [.. devices];
    }

    private static async Task<long[]> SeedAndCloseAsync(StoreOptions storeOptions, LoadOptions options, TimeProvider time)
    {
        await using var store = await GatehouseStore.OpenAsync(storeOptions, time);
        return await SeedAsync(store, options, time);
    }
}
