using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The event writer's connection with its prepared commands, and the commit it may still have in flight. It is
/// used by one batch at a time: the writer waits for <see cref="Committing"/> before gathering the next.
/// </summary>
internal sealed class WriterLane(SqlDialect db) : IAsyncDisposable
{
    private DbConnection? _connection;
    private PreparedCommands? _commands;
    private EventBulk? _bulk;

    /// <summary>This lane's last batch: committed (or failed) and released once this completes; it never faults.</summary>
    public Task Committing { get; set; } = Task.CompletedTask;

    public PreparedCommands Commands => _commands ?? throw new InvalidOperationException("The lane is not open.");

    public EventBulk Bulk => _bulk ?? throw new InvalidOperationException("The lane is not open.");

    /// <summary>Opens the connection on first use, and again after <see cref="CloseAsync"/>.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        if (_connection is null)
        {
            _connection = await db.OpenEventWriterAsync(CancellationToken.None).ConfigureAwait(false);
            _commands = new PreparedCommands(_connection, db.PrepareEventCommands);
            _bulk = db.CreateEventBulk(_commands);
        }

        return _connection;
    }

    /// <summary>Drops the connection and the commands prepared on it (it may be broken); the next batch opens a fresh one.</summary>
    public async Task CloseAsync()
    {
        _bulk?.Dispose();
        if (_commands is not null)
        {
            await _commands.DisposeAsync().ConfigureAwait(false);
            _commands = null;
            _bulk = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
