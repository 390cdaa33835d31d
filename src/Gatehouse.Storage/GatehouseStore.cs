namespace Gatehouse.Storage;

/// <summary>Opens a store: applies migrations, loads the index, starts the event writer.</summary>
public static class GatehouseStore
{
    /// <summary>Throws <see cref="SchemaTooNewException"/> when the database was migrated by a newer Gatehouse.</summary>
    public static Task<IGatehouseStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return Sql.SqlStore.OpenAsync(options, time, cancellationToken);
    }

    /// <summary>The default single-node store: a SQLite file at <paramref name="path"/>.</summary>
    public static Task<IGatehouseStore> OpenSqliteAsync(string path, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenAsync(new StoreOptions(StoreProvider.Sqlite, path), time, cancellationToken);
}
