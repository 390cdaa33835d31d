using Gatehouse.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Hosting;

/// <summary>
/// Opens the configured store once (migrations, index load, event writer). The SQLite default is a file under
/// ./data, whose folder is created so the first run needs no set-up.
/// </summary>
public static class StoreFactory
{
    public static StoreOptions ToStoreOptions(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(database.ConnectionString);
            return new StoreOptions(StoreProvider.Sqlite, database.ConnectionString);
        }

        return new StoreOptions(StoreProvider.Postgres, database.ConnectionString);
    }

    public static IGatehouseStore Open(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GatehouseOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();

        // DI factories are synchronous; this runs once, at start (StoreWarmup resolves it before the first request).
        return GatehouseStore.OpenAsync(ToStoreOptions(options.Database), time).GetAwaiter().GetResult();
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = connectionString;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim() is var key
                && (key.Equals("Data Source", StringComparison.OrdinalIgnoreCase) || key.Equals("DataSource", StringComparison.OrdinalIgnoreCase) || key.Equals("Filename", StringComparison.OrdinalIgnoreCase)))
            {
                path = part[(equals + 1)..].Trim();
            }
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && !path.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
