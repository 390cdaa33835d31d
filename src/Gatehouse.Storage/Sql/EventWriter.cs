using System.Data.Common;
using System.Threading.Channels;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Group commit (R-DEC-04 without one fsync per scan): one loop drains every pending append from the channel,
/// writes them and their side effects in one transaction, commits (durable), then updates the index and completes
/// the callers' tasks. The connection and its prepared commands live as long as the loop. If a batch fails, its appends are retried one by one so a single bad append fails alone.
/// </summary>
internal sealed class EventWriter(SqlDialect db, AccessIndex index, RecentRequests recent, int maxBatch) : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _channel = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;

    // Owned by the writer loop only: one connection, its prepared commands, reused batch after batch.
    private DbConnection? _connection;
    private PreparedCommands? _commands;
    private EventBulk? _bulk;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>
    /// Once queued, an append is written even if the caller stops waiting: the door may already have opened,
    /// so the event must not be lost to a cancelled HTTP request.
    /// </summary>
    public Task<AppendResult> AppendAsync(EventAppend append)
    {
        var pending = new PendingAppend(append);
        if (!_channel.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventWriter), "The store is closed; the event was not written.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(maxBatch);
        try
        {
            while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < maxBatch && _channel.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    await WriteAsync(batch).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The connection may be broken (server restart): start the retries on a fresh one.
                    await CloseAsync().ConfigureAwait(false);
                    foreach (var pending in batch)
                    {
                        try
                        {
                            await WriteAsync([pending]).ConfigureAwait(false);
                        }
                        catch (Exception exception)
                        {
                            pending.Done.TrySetException(exception);
                            await CloseAsync().ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Drops the connection and the commands prepared on it; the next batch opens a fresh one.</summary>
    private async Task CloseAsync()
    {
        if (_commands is not null)
        {
            await _commands.DisposeAsync().ConfigureAwait(false);
            _commands = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        _connection ??= await db.OpenEventWriterAsync(CancellationToken.None).ConfigureAwait(false);
        if (_commands is null)
        {
            _commands = new PreparedCommands(_connection, db.PrepareEventCommands);
            _bulk = db.CreateEventBulk(_commands);
        }

        await using (var transaction = await _connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            _commands.Transaction = transaction;
            try
            {
                await new EventTransaction(_commands, _bulk!, db, index, recent).WriteAsync(batch).ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
            }
            finally
            {
                _commands.Transaction = null;
            }
        }

        // Durable now: make the index and the request cache agree, then release the callers.
        foreach (var pending in batch)
        {
            try
            {
                foreach (var change in pending.IndexChanges)
                {
                    change(index);
                }

                recent.Remember(pending.Result!.Event);
            }
            catch (Exception)
            {
                // Committed is committed: never let an index hiccup send a durable batch back for a retry (that
                // would write the events twice). The row is re-read at the next start.
            }

            pending.Done.TrySetResult(pending.Result!);
        }
    }
}
