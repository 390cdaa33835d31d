using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL: how far back this node's index knows the cards' grants. At start that is the longest double-entry
/// time of any logic (<see cref="RecentGrants"/>); every grant after the start is learnt as it is made, here or on
/// another node (the change feed). A logic that then locks a card for longer, a new one or a raised double-entry
/// time, would let through a card granted within its time but before that reach: so the older grants of its
/// organization are read then, once, and the reach kept per organization.
/// </summary>
internal sealed class GrantHorizon(SqlDialect db, AccessIndex index, TimeProvider time, DateTimeOffset knownSince) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<OrganizationId, DateTimeOffset> _reach = [];

    /// <summary>After <paramref name="logic"/> was set in the index: reads the grants it can reach that the index lacks.</summary>
    public async Task WidenAsync(AccessLogic logic, CancellationToken cancellationToken)
    {
        if (!logic.Checks.CheckDoubleScan)
        {
            return;
        }

        var from = Instants.Stored(time.GetUtcNow()) - TimeSpan.FromSeconds(logic.Advanced.DoubleEntryTimeSeconds);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (from >= _reach.GetValueOrDefault(logic.Organization, knownSince))
            {
                return;
            }

            // Later grants already known are kept (LearnGrant keeps the later one), so reading up to now is harmless.
            await RecentGrants.LoadAsync(db, index, [logic.Organization], from, cancellationToken).ConfigureAwait(false);
            _reach[logic.Organization] = from;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
