using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

/// <summary>Several server nodes on one PostgreSQL database keep their indexes current through LISTEN/NOTIFY.</summary>
public sealed class ChangeFeedTests
{
    [Theory, OnPostgres]
    public async Task A_write_on_one_node_reaches_the_other_nodes_index(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var nodeA = await sandbox.OpenAsync();
        var nodeB = await sandbox.OpenAsync();
        var world = await World.CreateAsync(nodeA);
        var org = world.Org;

        await Eventually(() => nodeB.Index.FindCredential(org, world.Card.Value) is not null && nodeB.Index.FindDevice(world.Gate.Id) == world.Gate);
        Assert.Equal(world.Logic.Name, nodeB.Index.FindLogic(world.Logic.Id)!.Name);
        Assert.Equal(world.Site.Name, nodeB.Index.FindSite(world.Site.Id)!.Name);

        await nodeA.SetCredentialFlagsAsync(org, world.Card.Id, CredentialFlags.Blocked);
        await Eventually(() => nodeB.Index.FindCredential(org, world.Card.Value)!.Has(CredentialFlags.Blocked));

        var contract = (await nodeA.AddContractAsync(org, new Contract(default, world.Member.Id, "Unlimited", TimeWindow.Starting(sandbox.Time.GetUtcNow(), TimeSpan.FromDays(30))))).Value!;
        await Eventually(() => nodeB.Index.FindEntitlements(world.Member.Id)?.Contracts.SingleOrDefault()?.Id == contract.Id);

        await nodeA.AppendAsync(new EventAppend(world.Entry(sandbox.Time.GetUtcNow(), "in", DecisionActions.AddPresence)));
        // The site and zone counters are two updates on the other node: wait for both, not one then the other.
        await Eventually(() => nodeB.Index.Occupancy(world.Site.Id) == 1
            && nodeB.Index.Occupancy(world.Site.Id, world.Zone.Id) == 1
            && nodeB.Index.FindPresence(world.Member.Id) is not null);

        await nodeA.ClearPresenceAsync(org, world.Member.Id, world.Site.Id);
        await Eventually(() => nodeB.Index.Occupancy(world.Site.Id) == 0 && nodeB.Index.FindPresence(world.Member.Id) is null);

        await nodeA.DeleteCredentialAsync(org, world.Card.Id);
        await nodeA.RotateDeviceSecretAsync(org, world.Gate.Id, "rotated");
        await Eventually(() => nodeB.Index.FindCredential(org, world.Card.Value) is null && nodeB.Index.FindDeviceSecretHash(world.Gate.Id) == "rotated");

        // And the other way round.
        await nodeB.UpdatePersonAsync(world.Member with { FirstName = "Augusta" });
        await Eventually(() => nodeA.Index.FindEntitlements(world.Member.Id)!.Person.FirstName == "Augusta");
    }

    // R-GYM-10 across nodes: a grant writes no card row on PostgreSQL, so the lock itself travels on the feed, and a
    // later re-read of the card (another change to it) does not take it back.
    [Theory, OnPostgres]
    public async Task A_card_locked_through_one_node_is_locked_on_the_other(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var (nodeA, world, nodeB) = await sandbox.OpenTwoNodesAsync();
        var at = sandbox.Time.GetUtcNow();

        await nodeA.AppendAsync(new EventAppend(world.Entry(at, "in", DecisionActions.LockDoubleScan)));
        await Eventually(() => nodeB.Index.FindLastGrant(world.Org, world.Card) == at);

        await nodeA.SetCredentialFlagsAsync(world.Org, world.Card.Id, CredentialFlags.Blocked);
        await Eventually(() => nodeB.Index.FindCredential(world.Org, world.Card.Value)!.Has(CredentialFlags.Blocked));
        Assert.Equal(at, nodeB.Index.FindLastGrant(world.Org, world.Card));
    }

    // R-GYM-10 across nodes: a node started after a grant, outside the double-entry time then, reads that grant
    // when another node raises the time so that it locks the card again.
    [Theory, OnPostgres]
    public async Task A_double_entry_time_raised_on_one_node_locks_older_grants_on_the_other(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var nodeA = await sandbox.OpenAsync();
        var world = await World.CreateAsync(nodeA);
        var logic = await world.AddDoubleScanLogicAsync(nodeA, seconds: 10);
        var at = sandbox.Time.GetUtcNow();
        await nodeA.AppendAsync(new EventAppend(world.Entry(at, "in", DecisionActions.LockDoubleScan)));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var nodeB = await sandbox.OpenAsync();
        Assert.Null(nodeB.Index.FindLastGrant(world.Org, world.Card));

        Assert.True((await nodeA.UpdateLogicAsync(logic with { Advanced = logic.Advanced with { DoubleEntryTimeSeconds = 600 } })).IsOk);

        await Eventually(() => nodeB.Index.FindLastGrant(world.Org, world.Card) == at);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The other node's index did not catch up within 20 s.");
    }
}
