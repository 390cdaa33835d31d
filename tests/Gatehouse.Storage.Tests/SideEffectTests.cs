using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

public sealed class SideEffectTests
{
    // R-GYM-09, R-OPS-04: the database is the arbiter, even when both scans skip the person lock.
    [Theory, OnSqlite, OnPostgres]
    public async Task Two_concurrent_entries_of_one_person_let_exactly_one_in(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();

        var results = await Task.WhenAll(
            Task.Run(() => store.AppendAsync(new EventAppend(world.Entry(at, "a")))),
            Task.Run(() => store.AppendAsync(new EventAppend(world.Entry(at, "b")))));

        var winner = Assert.Single(results, r => !r.Overruled);
        var loser = Assert.Single(results, r => r.Overruled);
        Assert.Equal(Outcome.Granted, winner.Event.Outcome);
        Assert.Equal(Outcome.Denied, loser.Event.Outcome);
        Assert.Contains(ReasonCode.AlreadyPresent, loser.Event.Reasons);
        Assert.Equal(DecisionActions.AddPresence, loser.FailedEffects);
        Assert.Equal(DecisionActions.None, loser.Event.Actions & DecisionActions.AddPresence);
        Assert.Equal(1, store.Index.Occupancy(world.Site.Id));
        Assert.Equal(1, store.Index.Occupancy(world.Site.Id, world.Zone.Id));
        Assert.Single(await store.ListPresenceAsync(world.Org, world.Site.Id));
    }

    // Issue #3, request 1: a second door of a site whose logic does not check lack of presence lets a present person through.
    [Theory, OnSqlite, OnPostgres]
    public async Task Already_present_is_a_satisfied_no_op_unless_the_logic_checks_lack_of_presence(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var open = (await store.AddLogicAsync(world.Logic with { Id = default, Name = "Floor door", Checks = world.Logic.Checks with { CheckLackOfPresence = false } })).Value!;

        var lobby = await store.AppendAsync(new EventAppend(world.Entry(at, "lobby")));
        var floor = await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(1), "floor") with { Logic = open.Id }));
        var explicitNoOp = await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(2), "parking")) { RequireAbsent = false });
        var antiPassback = await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(3), "again")));

        Assert.False(lobby.Overruled);
        Assert.False(floor.Overruled);
        Assert.Equal(Outcome.Granted, floor.Event.Outcome);
        Assert.Equal(DecisionActions.None, floor.FailedEffects);
        Assert.False(explicitNoOp.Overruled);
        Assert.True(antiPassback.Overruled);
        Assert.Contains(ReasonCode.AlreadyPresent, antiPassback.Event.Reasons);
        Assert.Equal(at, store.Index.FindPresence(world.Member.Id)?.Since);
        Assert.Equal(1, store.Index.Occupancy(world.Site.Id));
    }

    // Issue #3, request 2: the door shows why it refused, not the granted decision's welcome.
    [Theory, OnSqlite, OnPostgres]
    public async Task An_overruled_event_shows_the_logics_failure_text_with_the_lost_races_reason(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        Assert.True((await store.MarkPresentAsync(world.Org, new Presence(world.Member.Id, world.Site.Id, at))).IsOk);

        var result = await store.AppendAsync(new EventAppend(world.Entry(at, "late")));
        var stored = await store.GetEventAsync(world.Org, result.Event.Id);

        Assert.True(result.Overruled);
        Assert.Equal("Access denied: " + ReasonCode.AlreadyPresent.Message(), result.Event.DisplayText);
        Assert.Equal(result.Event.DisplayText, stored!.DisplayText);
    }

    // R-GYM-09 across nodes: two stores on one PostgreSQL database, each with its own index and locks.
    [Theory, OnPostgres]
    public async Task Two_nodes_admitting_one_person_at_once_let_exactly_one_in(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var (nodeA, world, nodeB) = await sandbox.OpenTwoNodesAsync();
        var at = sandbox.Time.GetUtcNow();

        for (var round = 0; round < 10; round++)
        {
            var results = await Task.WhenAll(
                Task.Run(() => nodeA.AppendAsync(new EventAppend(world.Entry(at, $"a{round}")))),
                Task.Run(() => nodeB.AppendAsync(new EventAppend(world.Entry(at, $"b{round}") with { Device = world.Gate.Id }))));
            Assert.Single(results, r => !r.Overruled);
            Assert.Single(results, r => r.Overruled && r.Event.Reasons.Contains(ReasonCode.AlreadyPresent));
            await nodeA.ClearPresenceAsync(world.Org, world.Member.Id, world.Site.Id);
        }
    }

    // R-GYM-09: with the person lock held around decide + append, the second scan sees the first's presence.
    [Theory, OnSqlite, OnPostgres]
    public async Task The_person_lock_serializes_decide_and_append_for_one_person(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var admitted = 0;

        async Task ScanAsync(string request)
        {
            using (await store.PersonLocks.AcquireAsync(world.Member.Id))
            {
                // A stand-in for the engine's anti-passback check, reading only the index.
                var present = store.Index.FindPresence(world.Member.Id) is not null;
                var entry = present ? world.Entry(at, request, DecisionActions.LogEvent, outcome: Outcome.Denied) with { Reasons = [ReasonCode.AlreadyPresent] } : world.Entry(at, request);
                var result = await store.AppendAsync(new EventAppend(entry));
                if (result.Event.Outcome == Outcome.Granted)
                {
                    Interlocked.Increment(ref admitted);
                }

                Assert.False(result.Overruled);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ScanAsync($"s{i}"))));

        Assert.Equal(1, admitted);
    }

    // R-GYM-21: every side effect lands with the event and in the index.
    [Theory, OnSqlite, OnPostgres]
    public async Task Side_effects_are_applied_with_the_event_and_reflected_in_the_index(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var org = world.Org;
        var qr = (await store.IssueCredentialAsync(org, new Credential(default, world.Member.Id, CredentialKind.StaticQr, "QR-1", CredentialFlags.SingleUse))).Value!;
        var sauna = (await store.AddProductAsync(org, new EntranceProduct(default, world.Member.Id, "10 sauna entries", [ZoneType.Sauna], 1))).Value!;
        var court = (await store.AddBookingAsync(org, new Booking(default, world.Member.Id, BookingKind.Facility, "Court 1", world.Site.Id, TimeWindow.Starting(at, TimeSpan.FromHours(1))))).Value!;

        var entry = await store.AppendAsync(new EventAppend(
            world.Entry(at, "e1", DecisionActions.AddPresence | DecisionActions.LockDoubleScan | DecisionActions.UseZoneProduct | DecisionActions.MarkFacilityBookingUsage),
            sauna.Id, court.Id));
        var qrScan = await store.AppendAsync(new EventAppend(world.Entry(at, "e2", DecisionActions.MarkQrUsage) with { Credential = qr.Id }));
        var qrAgain = await store.AppendAsync(new EventAppend(world.Entry(at, "e3", DecisionActions.MarkQrUsage) with { Credential = qr.Id }));
        var noEntriesLeft = await store.AppendAsync(new EventAppend(world.Entry(at, "e4", DecisionActions.UseZoneProduct), sauna.Id));

        Assert.False(entry.Overruled);
        var snapshot = store.Index.FindEntitlements(world.Member.Id)!;
        Assert.Equal(at, store.Index.FindPresence(world.Member.Id)?.Since);
        Assert.Equal(0, snapshot.Products.Single().RemainingEntries);
        Assert.True(snapshot.Bookings.Single().Used);
        Assert.Equal(at, store.Index.FindLastGrant(org, world.Card));
        Assert.Equal(at, (await store.GetCredentialAsync(org, world.Card.Id))!.LastGrantedAt);
        Assert.False(qrScan.Overruled);
        Assert.True(store.Index.FindCredential(org, "QR-1")!.Has(CredentialFlags.Used));
        Assert.True(qrAgain.Overruled);
        Assert.Contains(ReasonCode.CredentialAlreadyUsed, qrAgain.Event.Reasons);
        Assert.True(noEntriesLeft.Overruled);
        Assert.Contains(ReasonCode.NoEntrancesLeft, noEntriesLeft.Event.Reasons);

        // Exit: presence removed; a collecting slot swallows the card.
        var exit = await store.AppendAsync(new EventAppend(world.Entry(at.AddHours(1), "x1", DecisionActions.RemovePresence | DecisionActions.CollectCard) with { Direction = Direction.Out }));
        Assert.Equal(DecisionActions.None, exit.FailedEffects);
        Assert.Null(store.Index.FindPresence(world.Member.Id));
        Assert.Equal(0, store.Index.Occupancy(world.Site.Id));
        Assert.Null(store.Index.FindCredential(org, world.Card.Value));
        Assert.Null(await store.GetCredentialAsync(org, world.Card.Id));

        // A second exit finds nobody present: reported, not overruled.
        var exitAgain = await store.AppendAsync(new EventAppend(world.Entry(at.AddHours(1), "x2", DecisionActions.RemovePresence) with { Direction = Direction.Out }));
        Assert.Equal(DecisionActions.RemovePresence, exitAgain.FailedEffects);
        Assert.False(exitAgain.Overruled);
    }

    // R-VIS-06, R-GYM-22
    [Theory, OnSqlite, OnPostgres]
    public async Task Visitor_check_in_and_out_are_recorded_and_pre_verifications_change_nothing(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var level = (await store.AddLevelAsync(new AccessLevel(default, world.Org, "Visitors", [world.Zone.Id]))).Value!;
        var visitor = (await store.AddPersonAsync(new Person(default, world.Org, PersonKind.Visitor, "Vera", "Visitor"))).Value!;
        Assert.True((await store.SetVisitorPassAsync(world.Org, new VisitorPass(visitor.Id, world.Site.Id, "standard", TimeWindow.Starting(at, TimeSpan.FromHours(2)), level.Id))).IsOk);

        var preVerification = await store.AppendAsync(new EventAppend(world.Entry(at, "p", DecisionActions.AddPresence | DecisionActions.VisitorCheckIn, visitor.Id) with { PreVerification = true }));
        Assert.Null(store.Index.FindPresence(visitor.Id));
        Assert.Null(store.Index.FindEntitlements(visitor.Id)!.Visitor!.CheckedInAt);
        Assert.Equal(DecisionActions.None, preVerification.Event.Actions & DecisionActions.VisitorCheckIn);

        await store.AppendAsync(new EventAppend(world.Entry(at, "in", DecisionActions.VisitorCheckIn, visitor.Id)));
        Assert.True(store.Index.FindEntitlements(visitor.Id)!.Visitor!.IsCheckedIn);
        await store.AppendAsync(new EventAppend(world.Entry(at.AddHours(1), "out", DecisionActions.VisitorCheckOut, visitor.Id)));
        Assert.Equal(at.AddHours(1), (await store.GetVisitorPassAsync(world.Org, visitor.Id))!.CheckedOutAt);
        Assert.False(store.Index.FindEntitlements(visitor.Id)!.Visitor!.IsCheckedIn);
    }

    // R-GYM-21, R-GYM-09: scans of many people at once (on PostgreSQL one statement per kind of effect for the batch)
    // change each person's presence and card exactly as one scan alone would, zone or no zone.
    [Theory, OnSqlite, OnPostgres]
    public async Task Entries_and_exits_of_many_people_at_once_change_each_ones_presence_and_card(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var people = await world.AddMembersAsync(store, 8);
        var cards = new List<Credential>();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            cards.Add((await store.IssueCredentialAsync(world.Org, new Credential(default, person.Id, CredentialKind.Card, $"MANY-{i}"))).Value!);
        }

        // Every other one scans at a door without a zone.
        AccessEvent Scan(int i, DateTimeOffset when, string request, DecisionActions effects) =>
            world.Entry(when, request, effects | DecisionActions.LogEvent, people[i].Id) with { Credential = cards[i].Id, Zone = i % 2 == 0 ? world.Zone.Id : null };

        var entries = await Task.WhenAll(people.Select((_, i) => store.AppendAsync(new EventAppend(Scan(i, at, $"in-{i}", DecisionActions.AddPresence | DecisionActions.LockDoubleScan)))));

        Assert.All(entries, r => Assert.Equal((false, DecisionActions.None), (r.Overruled, r.FailedEffects)));
        Assert.Equal((8, 4), (store.Index.Occupancy(world.Site.Id), store.Index.Occupancy(world.Site.Id, world.Zone.Id)));
        var present = await store.ListPresenceAsync(world.Org, world.Site.Id);
        Assert.Equal(people.Select((p, i) => (p.Id, i % 2 == 0 ? world.Zone.Id : (ZoneId?)null)).ToHashSet(), present.Select(p => (p.Person, p.Zone)).ToHashSet());
        Assert.All(cards, c => Assert.Equal(at, store.Index.FindLastGrant(world.Org, c)));

        // All leave at once, and one who already left leaves again: only that exit finds nobody to remove.
        var later = at.AddMinutes(30);
        var exits = await Task.WhenAll(people.Select((_, i) => store.AppendAsync(new EventAppend(Scan(i, later, $"out-{i}", DecisionActions.RemovePresence | DecisionActions.LockDoubleScan) with { Direction = Direction.Out }))));
        var again = await store.AppendAsync(new EventAppend(Scan(3, later, "out-again", DecisionActions.RemovePresence) with { Direction = Direction.Out }));

        Assert.All(exits, r => Assert.Equal((false, DecisionActions.None), (r.Overruled, r.FailedEffects)));
        Assert.Equal(DecisionActions.RemovePresence, again.FailedEffects);
        Assert.Equal((0, 0), (store.Index.Occupancy(world.Site.Id), store.Index.Occupancy(world.Site.Id, world.Zone.Id)));
        Assert.Empty(await store.ListPresenceAsync(world.Org, world.Site.Id));
        foreach (var card in cards)
        {
            Assert.Equal(later, (await store.GetCredentialAsync(world.Org, card.Id))!.LastGrantedAt);
            Assert.Equal(later, store.Index.FindLastGrant(world.Org, card));
        }
    }
}
