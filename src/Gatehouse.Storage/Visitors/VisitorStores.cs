using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Visitors;

/// <summary>Opens the visitor and employee tables on the same database as the main store.</summary>
public static class VisitorStores
{
    /// <summary>The schema must already be migrated: open the main store (<see cref="GatehouseStore.OpenAsync"/>) first.</summary>
    public static IVisitorStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqlDialect dialect = options.Provider switch
        {
            StoreProvider.Sqlite => new SqliteDialect(options.ConnectionString),
            StoreProvider.Postgres => new PostgresDialect(options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider."),
        };
        return new SqlVisitorStore(dialect);
    }
}
