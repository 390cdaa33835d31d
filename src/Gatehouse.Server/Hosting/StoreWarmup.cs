using Gatehouse.Storage;

namespace Gatehouse.Server.Hosting;

/// <summary>Opens the store before the server accepts requests, so the first scan never pays for the index load.</summary>
internal sealed class StoreWarmup(IServiceProvider services, ILogger<StoreWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IGatehouseStore>();
        logger.LogInformation(
            "Store ready on {Provider}: {People} people, {Credentials} credentials in the access index",
            store.Provider,
            store.Index.PersonCount,
            store.Index.CredentialCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
