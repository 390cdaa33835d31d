using System.Data.Common;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The one implementation of <see cref="IGatehouseStore"/>; SQLite and PostgreSQL differ only in their
/// <see cref="SqlDialect"/>. Split by feature into partial files. Writes update <see cref="Index"/> after commit.
/// </summary>
internal sealed partial class SqlStore : IGatehouseStore
{
    private readonly SqlDialect _db;
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private readonly RecentRequests _recent;
    private readonly EventWriter _writer;
    private ChangeFeed? _feed;

    // PostgreSQL: the cards' grants are read from the events as far back as a logic can lock them.
    private GrantHorizon? _grants;
    private int _disposed;

    private SqlStore(SqlDialect db, TimeProvider time, StoreOptions options, AccessIndex index)
    {
        _db = db;
        _time = time;
        _options = options;
        Index = index;
        PersonLocks = new PersonLocks(options.PersonLockStripes);
        _recent = new RecentRequests(options.RecentRequestCapacity);
        _writer = new EventWriter(db, index, _recent, options);
    }

    public StoreProvider Provider => _db.Provider;

    public AccessIndex Index { get; }

    public PersonLocks PersonLocks { get; }

    public static async Task<IGatehouseStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        SqlDialect db = options.Provider switch
        {
            StoreProvider.Sqlite => new SqliteDialect(options.ConnectionString),
            StoreProvider.Postgres => new PostgresDialect(options.ConnectionString),
        };
        try
        {
            await Migrator.MigrateAsync(db, time, cancellationToken).ConfigureAwait(false);
            if (db.Provider == StoreProvider.Sqlite)
            {
                await EffectReplay.RunAsync(db, cancellationToken).ConfigureAwait(false);
            }

            var (index, grantsSince) = await IndexLoader.LoadAsync(db, Instants.Stored(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            var store = new SqlStore(db, time, options, index);
            await store.LoadRecentRequestsAsync(cancellationToken).ConfigureAwait(false);
            if (db.Provider == StoreProvider.Postgres)
            {
                store._grants = new GrantHorizon(db, index, time, grantsSince);
                store._feed = new ChangeFeed(db, index, store._grants);
                await store._feed.StartAsync().ConfigureAwait(false);
            }

            store._writer.Start();
            return store;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Flushes pending appends, stops the writer and the change feed. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        if (_feed is not null)
        {
            await _feed.DisposeAsync().ConfigureAwait(false);
        }

        _grants?.Dispose();
        await _db.DisposeAsync().ConfigureAwait(false);
    }

    public async Task BulkLoadAsync(OrganizationId organization, BulkSeed seed, CancellationToken cancellationToken = default)
    {
        var people = seed.People as IReadOnlyList<Person> ?? seed.People.ToList();
        var credentials = seed.Credentials as IReadOnlyList<Credential> ?? seed.Credentials.ToList();
        var contracts = seed.Contracts as IReadOnlyList<Contract> ?? seed.Contracts.ToList();
        await _db.BulkLoadAsync(organization, people, credentials, contracts, cancellationToken).ConfigureAwait(false);

        // Quietly: millions of rows are not announced one by one; other nodes see a bulk load at their next start.
        Index.ReserveCredentials(organization, credentials.Count);
        Index.Quietly(() =>
        {
            foreach (var person in people)
            {
                Index.SetPerson(person with { Organization = organization });
            }

            foreach (var credential in credentials)
            {
                Index.SetCredential(organization, credential);
            }

            foreach (var group in contracts.GroupBy(c => c.Person))
            {
                Index.Update(group.Key, e => e with { Contracts = [.. e.Contracts, .. group] });
            }
        });
    }

    private DateTimeOffset Now => Instants.Stored(_time.GetUtcNow());

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), args);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when a unique key refused the row.</summary>
    private async Task<long?> InsertAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), args);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException exception) when (_db.IsUniqueViolation(exception))
        {
            return null;
        }
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<Row, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<T>();
        var row = new Row(reader, _db);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(map(row));
        }

        return result;
    }

    private async Task<T?> FirstAsync<T>(string sql, Func<Row, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
        where T : class
    {
        var rows = await QueryAsync(sql, map, cancellationToken, args).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    private async Task<bool> ExistsAsync(string table, long id, OrganizationId organization, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT 1 FROM {table} WHERE id = @id AND organization_id = @org", _ => true, cancellationToken, ("id", id), ("org", organization.Value)).ConfigureAwait(false);
        return rows.Count > 0;
    }

    /// <summary>The index answers for organizations made on this node; the database for those made on another.</summary>
    private async Task<bool> OrganizationExistsAsync(OrganizationId organization, CancellationToken cancellationToken) =>
        Index.FindOrganization(organization) is not null
        || (await QueryAsync("SELECT 1 FROM organizations WHERE id = @id", _ => true, cancellationToken, ("id", organization.Value)).ConfigureAwait(false)).Count > 0;

    private Task<bool> PersonExistsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken) =>
        ExistsAsync("people", person.Value, organization, cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal static DbCommand Bind(DbCommand command, (string Name, object? Value)[] args)
    {
        foreach (var (name, value) in args)
        {
            command.With(name, value);
        }

        return command;
    }

    private static StoreResult Found(int rows, string what) => rows > 0 ? StoreResult.Ok : StoreResult.NotFound($"{what} not found.");
}
