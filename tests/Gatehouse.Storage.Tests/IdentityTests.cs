using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// Ids name rows in the event log, in devices' request ids and in what clients keep: a deleted row's id must never
/// name a new row. SQLite hands out the largest id plus one unless the column is AUTOINCREMENT (migration 009).
/// </summary>
public sealed class IdentityTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_card_never_gets_a_deleted_cards_id_or_its_last_grant(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        await store.AppendAsync(new EventAppend(world.Entry(at, "in-1", DecisionActions.LockDoubleScan)));

        await store.DeleteCredentialAsync(world.Org, world.Card.Id);
        var reissued = (await store.IssueCredentialAsync(world.Org, world.Card with { Id = default, LastGrantedAt = null })).Value!;
        await store.DisposeAsync();
        var reopened = await sandbox.OpenAsync();

        Assert.NotEqual(world.Card.Id, reissued.Id);
        Assert.Null(reopened.Index.FindLastGrant(world.Org, reissued));
        Assert.Null((await reopened.GetCredentialAsync(world.Org, reissued.Id))!.LastGrantedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_device_never_gets_a_deleted_devices_id_or_its_request_ids(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var at = sandbox.Time.GetUtcNow();
        var old = (await store.AddDeviceAsync(world.Gate with { Id = default, Name = "Old reader" })).Value!;
        await store.AppendAsync(new EventAppend(world.Entry(at, "1") with { Device = old.Id }));

        await store.DeleteDeviceAsync(world.Org, old.Id);
        var replacement = (await store.AddDeviceAsync(world.Gate with { Id = default, Name = "New reader" })).Value!;
        var first = await store.AppendAsync(new EventAppend(world.Entry(at.AddMinutes(1), "1", DecisionActions.LogEvent) with { Device = replacement.Id }));

        Assert.NotEqual(old.Id, replacement.Id);
        Assert.False(first.Duplicate);
        Assert.Equal(replacement.Id, first.Event.Device);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_person_never_gets_a_deleted_persons_id_or_history(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var leaving = (await world.AddMembersAsync(store, 1)).Single();
        await store.AppendAsync(new EventAppend(world.Entry(sandbox.Time.GetUtcNow(), "in-1", person: leaving.Id)));

        await store.DeletePersonAsync(world.Org, leaving.Id);
        var joining = (await world.AddMembersAsync(store, 1)).Single();

        Assert.NotEqual(leaving.Id, joining.Id);
        Assert.Empty((await store.QueryEventsAsync(new EventQuery(world.Org) { Person = joining.Id })).Items);
    }
}
