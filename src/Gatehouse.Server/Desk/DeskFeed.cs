using System.Collections.Concurrent;
using System.Threading.Channels;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// Pushes newly stored events to open staff pages (front desk, visits, occupancy). It reads the event log rather
/// than hooking the scan path, so every writer is covered (devices, the desk, other nodes sharing the database)
/// and the scan path pays nothing. It polls only organizations that have a page open.
/// </summary>
public sealed class DeskFeed(IGatehouseStore store, ILogger<DeskFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private const int PageSize = 100;

    private readonly ConcurrentDictionary<Guid, DeskSubscription> _subscriptions = new();
    // Per organization, the ids of the events already pushed (the newest pages'). Not "everything above the
    // highest id": ids are handed out in blocks per node (PostgreSQL), so with several nodes a lower id can be
    // stored after a higher one, and would never be shown.
    private readonly ConcurrentDictionary<OrganizationId, SeenEvents> _seen = new();

    public async Task<DeskSubscription> SubscribeAsync(OrganizationId organization, CancellationToken cancellationToken)
    {
        // Start from the newest stored event: anything older is already on the page that subscribes.
        if (!_seen.ContainsKey(organization))
        {
            var newest = await store.QueryEventsAsync(new EventQuery(organization) { Limit = PageSize }, cancellationToken);
            var seen = new SeenEvents();
            seen.AddAll(newest.Items.Select(e => e.Id.Value));
            _seen.TryAdd(organization, seen);
        }

        var subscription = new DeskSubscription(Guid.NewGuid(), organization, Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest }));
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void Unsubscribe(DeskSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _subscriptions.TryRemove(subscription.Id, out _);
        subscription.Channel.Writer.TryComplete();

        // Nobody listens: forget where this organization was, so the next page starts from its own now.
        if (!_subscriptions.Values.Any(s => s.Organization == subscription.Organization))
        {
            _seen.TryRemove(subscription.Organization, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var organization in _subscriptions.Values.Select(s => s.Organization).Distinct().ToList())
            {
                try
                {
                    await PollAsync(organization, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The desk feed could not read new events of organization {Organization}", organization);
                }
            }
        }
    }

    private async Task PollAsync(OrganizationId organization, CancellationToken cancellationToken)
    {
        var page = await store.QueryEventsAsync(new EventQuery(organization) { Limit = PageSize }, cancellationToken);
        if (!_seen.TryGetValue(organization, out var seen))
        {
            return;
        }

        var fresh = page.Items.Where(e => !seen.Contains(e.Id.Value)).OrderBy(e => e.At).ThenBy(e => e.Id.Value).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        seen.AddAll(fresh.Select(e => e.Id.Value));
        foreach (var subscription in _subscriptions.Values.Where(s => s.Organization == organization))
        {
            foreach (var stored in fresh)
            {
                subscription.Channel.Writer.TryWrite(stored);
            }
        }
    }
}
