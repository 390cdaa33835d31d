using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// The start-up load reads each per-person table once, ordered by person, and joins it to the people; the
/// single-person read (used to refresh the index after another node's write) reads one person at a time. Both
/// must produce the same snapshot, field for field, for people with many rows, one row or none.
/// </summary>
public sealed class IndexLoadTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_loaded_snapshot_equals_the_single_person_read(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var org = world.Org;
        var now = sandbox.Time.GetUtcNow();
        var level = (await store.AddLevelAsync(new AccessLevel(default, org, "Lobby", [world.Zone.Id]))).Value!;
        List<Person> people = [world.Member, .. await world.AddMembersAsync(store, 4)];

        var bare = (await store.AddPersonAsync(new Person(default, org, PersonKind.Visitor, "No", "Rows"))).Value!;

        // Round-robin, so row ids interleave across people: the load must group by person, not by id.
        for (var round = 0; round < 2; round++)
        {
            foreach (var person in people)
            {
                await store.AddContractAsync(org, new Contract(default, person.Id, "Unlimited", TimeWindow.Starting(now, TimeSpan.FromDays(30 + round)), Rules: [AccessRule.Anytime(ZoneType.MainFloor)], Sites: [world.Site.Id]));
                await store.AddProductAsync(org, new EntranceProduct(default, person.Id, "10 sauna entries", [ZoneType.Sauna], 10 - round));
                await store.AddInvoiceAsync(org, new Invoice(default, person.Id, 10 + round, now.AddDays(-round)));
                await store.AddBookingAsync(org, new Booking(default, person.Id, BookingKind.ClassSession, "Spin", world.Site.Id, TimeWindow.Starting(now, TimeSpan.FromHours(1 + round)), Teacher: "Kim"));
                await store.AddQuestionnaireAsync(org, new QuestionnaireResult(default, person.Id, DateOnly.FromDateTime(now.UtcDateTime).AddDays(round), true));
            }
        }

        await store.AddPauseAsync(org, people[1].Id, new SubscriptionPause(new SubscriptionId(7), TimeWindow.Starting(now, TimeSpan.FromDays(3))));
        await store.MarkPresentAsync(org, new Presence(people[2].Id, world.Site.Id, now, Zone: world.Zone.Id));
        await store.SetVisitorPassAsync(org, new VisitorPass(people[3].Id, world.Site.Id, "Guest", TimeWindow.Starting(now, TimeSpan.FromHours(2)), level.Id));
        await store.SetEmploymentAsync(org, people[4].Id, new EmploymentTerms(null, level.Id, [AccessRule.Anytime()], ConditionalAccess: true));
        await store.SetBalancesAsync(org, people[0].Id, new Balances(-5, 3));
        await store.DisposeAsync();

        var reopened = await sandbox.OpenAsync();
        await using SqlDialect db = kind == StoreKind.Sqlite ? new SqliteDialect(sandbox.Options.ConnectionString) : new PostgresDialect(sandbox.Options.ConnectionString);
        foreach (var person in people.Append(bare))
        {
            var loaded = reopened.Index.FindEntitlements(person.Id)!;
            var read = (await PersonLoader.LoadAsync(db, person.Id, CancellationToken.None))!.Value;
            Assert.Equal(JsonSerializer.Serialize(read.Entitlements), JsonSerializer.Serialize(loaded));
            Assert.Equal(read.Presence, reopened.Index.FindPresence(person.Id));
        }

        var first = reopened.Index.FindEntitlements(people[0].Id)!;
        Assert.Equal(2, first.Contracts.Count);
        Assert.True(first.Contracts[0].Id.Value < first.Contracts[1].Id.Value);
        Assert.Equal(-5, first.PosBalance);
        Assert.Single(reopened.Index.FindEntitlements(people[1].Id)!.Pauses);
        Assert.Equal(world.Site.Id, reopened.Index.FindPresence(people[2].Id)?.Site);
        Assert.Equal(level.Id, reopened.Index.FindEntitlements(people[3].Id)!.Visitor!.Level);
        Assert.True(reopened.Index.FindEntitlements(people[4].Id)!.Employment!.ConditionalAccess);
        Assert.Empty(reopened.Index.FindEntitlements(bare.Id)!.Contracts);
        Assert.Equal(1, reopened.Index.Occupancy(world.Site.Id, world.Zone.Id));
    }
}
