using Gatehouse.Storage;

namespace Gatehouse.Server.Health;

/// <summary>Ready means the database answers a query and the access index is in memory.</summary>
public sealed class ReadinessProbe(IGatehouseStore store, ILogger<ReadinessProbe> logger)
{
    public async Task<ReadyStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ListOrganizationsAsync(cancellationToken);
            return new ReadyStatus(true, true, store.Index is not null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Readiness check failed");
            return new ReadyStatus(false, false, store.Index is not null, "The database does not answer.");
        }
    }
}
