using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Npgsql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// R-DEC-04 when PostgreSQL applies a batch's COMMIT and its answer is lost on the way (the connection breaks). The
/// batch is durable, so it must be answered as written, once, with the index changed as the database was; writing it
/// again would store the event twice, or answer the scan as a lost race against itself.
/// </summary>
public sealed class LostCommitAnswerTests
{
    private const DecisionActions Enter = DecisionActions.AddPresence | DecisionActions.LogEvent;

    // R-DEC-04, R-GYM-09: an entry whose commit answer was lost is answered granted, stored once, and the person is inside.
    [Theory, OnPostgres]
    public async Task An_entry_whose_commit_answer_was_lost_is_stored_once_and_answered_as_written(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var direct = new NpgsqlConnectionStringBuilder(sandbox.Options.ConnectionString);
        await using var relay = new CommitAnswerDropper(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, SslMode = SslMode.Disable };
        var store = await sandbox.OpenAsync(sandbox.Options with { ConnectionString = relayed.ConnectionString });
        var world = await World.CreateAsync(store);
        var person = (await world.AddMembersAsync(store, 1))[0];
        var at = sandbox.Time.GetUtcNow();
        await store.AppendAsync(new EventAppend(world.Entry(at, "warm-up", DecisionActions.LogEvent)));

        relay.Arm();
        var result = await store.AppendAsync(new EventAppend(world.Entry(at, actions: Enter, person: person.Id) with { Credential = null }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(relay.Dropped);
        Assert.Equal((false, false, Outcome.Granted, DecisionActions.None), (result.Duplicate, result.Overruled, result.Event.Outcome, result.FailedEffects));
        Assert.Equal(at, store.Index.FindPresence(person.Id)?.Since);
        var stored = (await store.QueryEventsAsync(new EventQuery(world.Org) { Person = person.Id })).Items;
        Assert.Equal(result.Event.Id, Assert.Single(stored).Id);
        Assert.Single(await store.ListPresenceAsync(world.Org, world.Site.Id));
    }
}
