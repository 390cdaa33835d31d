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

    private readonly ConcurrentDictionary<Guid, DeskSubscription> _subscriptions = new();
    private readonly ConcurrentDictionary<OrganizationId, long> _lastSeen = new();

    public async Task<DeskSubscription> SubscribeAsync(OrganizationId organization, CancellationToken cancellationToken)
    {
        // Start from the newest stored event: anything older is already on the page that subscribes.
        if (!_lastSeen.ContainsKey(organization))
        {
            var newest = await store.QueryEventsAsync(new EventQuery(organization) { Limit = 1 }, cancellationToken);
            _lastSeen.TryAdd(organization, newest.Items.Count > 0 ? newest.Items[0].Id.Value : 0);
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
            _lastSeen.TryRemove(subscription.Organization, out _);
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
        var page = await store.QueryEventsAsync(new EventQuery(organization) { Limit = 100 }, cancellationToken);
        var last = _lastSeen.GetValueOrDefault(organization);

        var fresh = page.Items.Where(e => e.Id.Value > last).OrderBy(e => e.Id.Value).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        _lastSeen[organization] = fresh[^1].Id.Value;
        foreach (var subscription in _subscriptions.Values.Where(s => s.Organization == organization))
        {
            foreach (var stored in fresh)
            {
                subscription.Channel.Writer.TryWrite(stored);
            }
        }
    }
}
