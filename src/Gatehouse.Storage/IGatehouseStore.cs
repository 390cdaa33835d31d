using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// The whole store: one interface, a SQLite and a PostgreSQL implementation (open with <see cref="GatehouseStore"/>).
/// Reads on the scan path go to <see cref="Index"/>, never to the database.
/// </summary>
public interface IGatehouseStore : ITopologyStore, IPeopleStore, IEntitlementStore, IStaffStore, IEventLog, IAsyncDisposable
{
    StoreProvider Provider { get; }

    /// <summary>The in-memory directory the engine decides against; current after every write made through this store.</summary>
    AccessIndex Index { get; }

    /// <summary>Hold a person's lock around decide + append so two concurrent scans of one person serialize on this node.</summary>
    PersonLocks PersonLocks { get; }

    /// <summary>Fast seeding (COPY binary on PostgreSQL, one prepared transaction on SQLite); updates the index.</summary>
    Task BulkLoadAsync(OrganizationId organization, BulkSeed seed, CancellationToken cancellationToken = default);
}
