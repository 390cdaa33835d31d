using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Npgsql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// R-DEC-04 when PostgreSQL applies a COMMIT of the event writer and its answer is lost on the way (the connection
/// breaks). The event is durable, so it must be answered as written, once, with the index changed as the database
/// was; writing it again would store it twice, or answer the scan as a lost race against itself.
/// </summary>
public sealed class LostCommitAnswerTests
{
    private const DecisionActions Enter = DecisionActions.AddPresence | DecisionActions.LogEvent;

    // R-DEC-04, R-GYM-09: the batch's commit applied, its answer lost: granted, stored once, the person inside.
    [Theory, OnPostgres]
    public async Task An_entry_whose_commit_answer_was_lost_is_stored_once_and_answered_as_written(StoreKind kind) =>
        await EnterThroughAsync(kind, CommitFate.AnswerLost);

    // R-DEC-04, R-GYM-09: the batch's commit refused (rolled back), so it is retried alone, and that commit's answer
    // is lost: the same answer as if nothing had broken.
    [Theory, OnPostgres]
    public async Task An_entry_whose_retried_commit_answer_was_lost_is_stored_once_and_answered_as_written(StoreKind kind) =>
        await EnterThroughAsync(kind, CommitFate.Refused, CommitFate.AnswerLost);

    /// <summary>One member enters through a relay that breaks the writer's next commits as given; asserts the outcome.</summary>
    private static async Task EnterThroughAsync(StoreKind kind, params CommitFate[] fates)
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

        relay.Arm(fates);
        var result = await store.AppendAsync(new EventAppend(world.Entry(at, actions: Enter, person: person.Id) with { Credential = null }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, relay.AnswersLost);
        Assert.Equal((false, false, Outcome.Granted, DecisionActions.None), (result.Duplicate, result.Overruled, result.Event.Outcome, result.FailedEffects));
        Assert.Equal(at, store.Index.FindPresence(person.Id)?.Since);
        var stored = (await store.QueryEventsAsync(new EventQuery(world.Org) { Person = person.Id })).Items;
        Assert.Equal(result.Event.Id, Assert.Single(stored).Id);
        Assert.Single(await store.ListPresenceAsync(world.Org, world.Site.Id));
    }
}
