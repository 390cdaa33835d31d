using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Tests;

public sealed class MigrationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_empty_database_is_migrated_to_the_latest_version_at_start(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();

        Assert.Empty(await store.ListOrganizationsAsync());
        Assert.Equal(store.Provider == StoreProvider.Sqlite ? StoreProvider.Sqlite : StoreProvider.Postgres, sandbox.Options.Provider);
        await store.DisposeAsync();

        // A second start finds nothing to apply and keeps the data.
        var again = await sandbox.OpenAsync();
        Assert.Empty(await again.ListOrganizationsAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_database_migrated_by_a_newer_gatehouse_refuses_to_start_with_both_versions(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        await (await sandbox.OpenAsync()).DisposeAsync();
        await sandbox.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, '999_future.sql', 'later')");

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => sandbox.OpenAsync());

        Assert.Equal(999, refused.DatabaseVersion);
        Assert.Equal(Migrator.LatestVersion(kind == StoreKind.Sqlite ? "sqlite" : "postgres"), refused.CodeVersion);
        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_dialects_have_the_same_numbered_scripts()
    {
        var sqlite = Migrator.Scripts("sqlite").Select(s => s.Name);
        var postgres = Migrator.Scripts("postgres").Select(s => s.Name);

        Assert.Equal(sqlite, postgres);
        Assert.Equal(1, Migrator.Scripts("sqlite")[0].Version);
    }

    // Migration 003 rebuilds the two tables every scan writes (R-GYM-09 presence, R-DEC-05 request ids): a
    // database that already holds rows must keep them, and the keys must still decide races and duplicates.
    [Theory, OnSqlite, OnPostgres]
    public async Task The_scan_path_rebuild_keeps_presence_and_request_ids(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var first = await store.AppendAsync(new EventAppend(world.Entry(at, "before-003")));
        await store.DisposeAsync();

        var script = Migrator.Scripts(kind == StoreKind.Sqlite ? "sqlite" : "postgres").Single(s => s.Version == 3);
        await sandbox.ExecuteAsync(script.Sql);
        var reopened = await sandbox.OpenAsync(sandbox.Options with { RecentRequestCapacity = 1 });

        Assert.Equal(at, reopened.Index.FindPresence(world.Member.Id)?.Since);
        Assert.Single(await reopened.ListPresenceAsync(world.Org, world.Site.Id));
        var again = await reopened.AppendAsync(new EventAppend(world.Entry(at, "before-003")));
        Assert.True(again.Duplicate);
        Assert.Equal(first.Event.Id, again.Event.Id);
        var racing = await reopened.AppendAsync(new EventAppend(world.Entry(at.AddSeconds(1), "after-003")));
        Assert.Equal(Outcome.Denied, racing.Event.Outcome);
        Assert.Contains(ReasonCode.AlreadyPresent, racing.Event.Reasons);
    }

    // Migration 009 rebuilds every SQLite table that has an id, to make it AUTOINCREMENT. Rows and references must
    // survive it (foreign keys are off while it runs, so dropping a parent cannot take its children along), and no
    // id the event log still names may be given again, even one whose row was deleted before the migration.
    [Theory, OnSqlite]
    public async Task The_id_rebuild_keeps_every_row_and_never_reuses_an_id_the_log_still_names(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var now = sandbox.Time.GetUtcNow();
        await store.AddContractAsync(world.Org, new Contract(default, world.Member.Id, "Unlimited", TimeWindow.Starting(now, TimeSpan.FromDays(30))));
        var leaving = (await world.AddMembersAsync(store, 1)).Single();
        await store.AppendAsync(new EventAppend(world.Entry(now, "in-1", person: leaving.Id)));
        await store.DeletePersonAsync(world.Org, leaving.Id);
        await store.DisposeAsync();

        // As before 009 (and the steps after it): no sequences, so SQLite would hand out the largest id plus one, the deleted person's.
        await sandbox.ExecuteAsync("DELETE FROM schema_version WHERE version >= 9; DELETE FROM sqlite_sequence");
        var reopened = await sandbox.OpenAsync();
        var joining = (await world.AddMembersAsync(reopened, 1)).Single();

        Assert.Equal(world.Member.Id, reopened.Index.FindCredential(world.Org, world.Card.Value)!.Person);
        Assert.Equal("Unlimited", reopened.Index.FindEntitlements(world.Member.Id)!.Contracts.Single().Name);
        Assert.Single((await reopened.QueryEventsAsync(new EventQuery(world.Org))).Items);
        Assert.True(joining.Id.Value > leaving.Id.Value, $"{joining.Id} must come after {leaving.Id}");
    }
}
