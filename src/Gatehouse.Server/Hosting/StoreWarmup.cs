using Gatehouse.Storage;

namespace Gatehouse.Server.Hosting;

/// <summary>Opens the store before the server accepts requests, so the first scan never pays for the index load.</summary>
internal sealed class StoreWarmup(IServiceProvider services, ILogger<StoreWarmup> logger) : IHostedService
{
    // Below this many people and cards the load's garbage is too small to be worth a full collection.
    private const int LargeIndex = 100_000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IGatehouseStore>();
        if (store.Index.PersonCount + store.Index.CredentialCount >= LargeIndex)
        {
            // The index load leaves garbage about the size of the index (staging rows: ~1 GB with a million people).
            // Background GC keeps memory it freed committed for reuse, so a server that had loaded a million people
            // held 2.4 GB instead of 1.3; one aggressive collection hands it back once, before the first request
            // (docs/performance.md, start-up).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        logger.LogInformation(
            "Store ready on {Provider}: {People} people, {Credentials} credentials in the access index",
            store.Provider,
            store.Index.PersonCount,
            store.Index.CredentialCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
