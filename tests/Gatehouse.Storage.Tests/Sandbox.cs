using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// One empty database per test: a temp SQLite file, or a uniquely named PostgreSQL schema reached through
/// search_path, so tests run in parallel without seeing each other. Can open the same database again (reopen tests).
/// </summary>
public sealed class Sandbox : IAsyncDisposable
{
    private readonly List<IGatehouseStore> _opened = [];
    private readonly string? _sqlitePath;
    private readonly string? _schema;

    private Sandbox(StoreKind kind, StoreOptions options, string? sqlitePath, string? schema)
    {
        Kind = kind;
        Options = options;
        _sqlitePath = sqlitePath;
        _schema = schema;
    }

    public StoreKind Kind { get; }

    public StoreOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static async Task<Sandbox> CreateAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "gatehouse-storage-tests");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            return new Sandbox(kind, new StoreOptions(StoreProvider.Sqlite, path), path, null);
        }

        var connectionString = PostgresTarget.ConnectionString
            ?? throw new InvalidOperationException("CI=true but GATEHOUSE_TEST_POSTGRES is not set: the PostgreSQL tests cannot run.");
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return new Sandbox(kind, new StoreOptions(StoreProvider.Postgres, builder.ConnectionString), null, schema);
    }

    public async Task<IGatehouseStore> OpenAsync(StoreOptions? options = null)
    {
        var store = await GatehouseStore.OpenAsync(options ?? Options, Time);
        _opened.Add(store);
        return store;
    }

    /// <summary>Two nodes on one database: the world is made through the first, and the second starts after it, so both indexes hold it.</summary>
    public async Task<(IGatehouseStore NodeA, World World, IGatehouseStore NodeB)> OpenTwoNodesAsync()
    {
        var nodeA = await OpenAsync();
        var world = await World.CreateAsync(nodeA);
        var nodeB = await OpenAsync();
        return (nodeA, world, nodeB);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        if (_sqlitePath is not null)
        {
            foreach (var suffix in (string[])["", "-wal", "-shm"])
            {
                File.Delete(_sqlitePath + suffix);
            }
        }

        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresTarget.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs raw SQL against the sandbox's database (for tests that tamper with the schema).</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (_sqlitePath is not null)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_sqlitePath};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(Options.ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        await pgCommand.ExecuteNonQueryAsync();
    }
}
