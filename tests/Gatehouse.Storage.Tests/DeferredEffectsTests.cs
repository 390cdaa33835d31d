using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// SQLite writes presence and a card's last grant in bulk, seconds after the events that caused them: whatever
/// reads or changes those rows must still see them, and a stop before they are written must lose nothing.
/// </summary>
public sealed class DeferredEffectsTests
{
    private const DecisionActions Enter = DecisionActions.AddPresence | DecisionActions.LockDoubleScan | DecisionActions.LogEvent;
    private const DecisionActions Arrive = DecisionActions.AddPresence | DecisionActions.LogEvent;
    private const DecisionActions Leave = DecisionActions.RemovePresence | DecisionActions.LogEvent;

    // R-DEC-04, R-GYM-09, R-GYM-10: a durable answer's effects are durable too, even when the process stops before
    // they reach their tables; the next start rebuilds them from the log, in order.
    [Fact]
    public async Task Presence_and_the_double_scan_lock_are_rebuilt_from_the_log_after_a_stop()
    {
        await using var sandbox = await Sandbox.CreateAsync(StoreKind.Sqlite);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var visitor = (await world.AddMembersAsync(store, 1))[0];
        var at = sandbox.Time.GetUtcNow();
        await store.AppendAsync(new EventAppend(world.Entry(at, "in", Enter)));
        await store.AppendAsync(new EventAppend(world.Entry(at, "v-in", Arrive, visitor.Id)));
        await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(5), "v-out", Leave, visitor.Id)));

        // A copy of what is committed now, as a crash would leave it: the events, not yet their effects.
        var copy = sandbox.Options.ConnectionString + ".stopped.db";
        await sandbox.ExecuteAsync($"VACUUM INTO '{copy}'");
        Assert.True(await ScalarAsync(copy, "SELECT through_event_id FROM deferred_effects") < await ScalarAsync(copy, "SELECT max(id) FROM events"));
        Assert.Equal(0, await ScalarAsync(copy, "SELECT count(*) FROM presence"));

        try
        {
            var restarted = await sandbox.OpenAsync(sandbox.Options with { ConnectionString = copy });

            var presence = Assert.Single(await restarted.ListPresenceAsync(world.Org, world.Site.Id));
            Assert.Equal((world.Member.Id, at, world.Zone.Id), (presence.Person, presence.Since, presence.Zone));
            Assert.Equal(at, restarted.Index.FindPresence(world.Member.Id)?.Since);
            Assert.Null(restarted.Index.FindPresence(visitor.Id));
            Assert.Equal(at, restarted.Index.FindLastGrant(world.Org, world.Card));
            Assert.Equal(at, (await restarted.GetCredentialAsync(world.Org, world.Card.Id))!.LastGrantedAt);
            Assert.Equal(await ScalarAsync(copy, "SELECT max(id) FROM events"), await ScalarAsync(copy, "SELECT through_event_id FROM deferred_effects"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    // R-GYM-08, R-GYM-09: rows written a slice per batch while newer scans change the same people; a stop at any
    // point replays over a half-written generation and still ends with exactly who is inside.
    [Fact]
    public async Task Presence_written_in_slices_while_people_come_and_go_survives_a_stop()
    {
        await using var sandbox = await Sandbox.CreateAsync(StoreKind.Sqlite);
        var store = await sandbox.OpenAsync(sandbox.Options with { DeferredEffectRows = 1 });
        var world = await World.CreateAsync(store);
        var members = await world.AddMembersAsync(store, 300);
        var at = sandbox.Time.GetUtcNow();

        await Task.WhenAll(members.Select(m => store.AppendAsync(new EventAppend(world.Entry(at, $"in-{m.Id}", Arrive, m.Id)))));
        var leaving = members.Take(150).ToList();
        var left = await Task.WhenAll(leaving.Select(m => store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(1), $"out-{m.Id}", Leave, m.Id)))));
        await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(2), "tick", DecisionActions.LogEvent)));
        var copy = sandbox.Options.ConnectionString + ".sliced.db";
        await sandbox.ExecuteAsync($"VACUUM INTO '{copy}'");

        try
        {
            var staying = members.Skip(150).Select(m => m.Id.Value).Order().ToList();
            Assert.All(left, r => Assert.Equal(DecisionActions.None, r.FailedEffects));
            Assert.Equal(staying, (await store.ListPresenceAsync(world.Org, world.Site.Id)).Select(p => p.Person.Value).Order());
            var restarted = await sandbox.OpenAsync(sandbox.Options with { ConnectionString = copy });
            Assert.Equal(staying, (await restarted.ListPresenceAsync(world.Org, world.Site.Id)).Select(p => p.Person.Value).Order());
            Assert.Equal(150, restarted.Index.Occupancy(world.Site.Id));
            Assert.All(leaving, m => Assert.Null(restarted.Index.FindPresence(m.Id)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    // R-GYM-15 (presence marked at the desk), R-GYM-21: staff changing presence right after a scan see the scan's effect.
    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_presence_changes_right_after_scans_see_what_the_scans_did(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();

        await store.AppendAsync(new EventAppend(world.Entry(at, "in", Enter)));
        Assert.Single(await store.ListPresenceAsync(world.Org, world.Site.Id));
        Assert.True((await store.ClearPresenceAsync(world.Org, world.Member.Id, world.Site.Id)).IsOk);
        Assert.Null(store.Index.FindPresence(world.Member.Id));

        await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(1), "again", Enter)));
        await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(2), "out", Leave)));
        Assert.True((await store.MarkPresentAsync(world.Org, new Presence(world.Member.Id, world.Site.Id, at.AddMinutes(3), MarkedByStaff: true))).IsOk);

        var marked = Assert.Single(await store.ListPresenceAsync(world.Org, world.Site.Id));
        Assert.True(marked.MarkedByStaff);
        Assert.Equal(at.AddMinutes(1), (await store.GetCredentialAsync(world.Org, world.Card.Id))!.LastGrantedAt);
    }

    // R-GYM-10: blocking a card right after a scan keeps the scan's double-scan lock in the index.
    [Theory, OnSqlite, OnPostgres]
    public async Task Changing_a_cards_flags_after_a_scan_keeps_its_double_scan_lock(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();

        await store.AppendAsync(new EventAppend(world.Entry(at, "in", Enter)));
        var blocked = await store.SetCredentialFlagsAsync(world.Org, world.Card.Id, CredentialFlags.Blocked);

        Assert.Equal(at, blocked.Value!.LastGrantedAt);
        Assert.Equal(at, store.Index.FindLastGrant(world.Org, world.Card));
    }

    // R-GYM-21: a person deleted while their entry waits to be written: no orphan row, and the writer goes on.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_person_deleted_before_their_entry_is_written_leaves_no_presence_and_scans_go_on(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var (store, world, _, at) = await DeleteOneWhoEnteredAsync(sandbox);

        var next = await store.AppendAsync(new EventAppend(world.Entry(at, "next", Enter)));

        Assert.False(next.Overruled);
        Assert.Equal([world.Member.Id], (await store.ListPresenceAsync(world.Org)).Select(p => p.Person));
        await store.DisposeAsync();
        var reopened = await sandbox.OpenAsync();
        Assert.Equal([world.Member.Id], (await reopened.ListPresenceAsync(world.Org)).Select(p => p.Person));
    }

    // R-GYM-09: a person added after the newest one (inside) was deleted is not "already present". Before migration
    // 009 SQLite gave the newcomer the deleted person's id, and with it the deferred presence row.
    [Theory, OnSqlite, OnPostgres]
    public async Task A_person_added_after_one_who_was_inside_is_deleted_is_not_present(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var (store, world, gone, at) = await DeleteOneWhoEnteredAsync(sandbox);

        var newcomer = (await world.AddMembersAsync(store, 1))[0];
        var entry = await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(1), "newcomer", Arrive, newcomer.Id)));

        Assert.NotEqual(gone.Id, newcomer.Id);
        Assert.False(entry.Overruled);
        Assert.Equal(DecisionActions.None, entry.FailedEffects);
        Assert.Equal(at.AddMinutes(1), store.Index.FindPresence(newcomer.Id)?.Since);
    }

    /// <summary>A store with a member who enters (their presence possibly still deferred) and is then deleted.</summary>
    private static async Task<(IGatehouseStore Store, World World, Person Gone, DateTimeOffset At)> DeleteOneWhoEnteredAsync(Sandbox sandbox)
    {
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var gone = (await world.AddMembersAsync(store, 1))[0];
        var at = sandbox.Time.GetUtcNow();
        await store.AppendAsync(new EventAppend(world.Entry(at, "gone", Arrive, gone.Id)));
        Assert.True((await store.DeletePersonAsync(world.Org, gone.Id)).IsOk);
        return (store, world, gone, at);
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
