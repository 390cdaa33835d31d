using System.Data.Common;
using System.Threading.Channels;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Group commit (R-DEC-04 without one fsync per scan): one loop drains every pending append from the channel,
/// writes them and their side effects in one transaction, commits (durable), then updates the index and completes
/// the callers' tasks. If a batch fails, its appends are retried one by one so a single bad append fails alone.
/// </summary>
internal sealed class EventWriter(SqlDialect db, AccessIndex index, RecentRequests recent, int maxBatch) : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _channel = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;

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
        DbConnection? connection = null;
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
                    connection ??= await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                    await WriteAsync(connection, batch).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The connection may be broken (server restart): start the retries on a fresh one.
                    connection = await ReopenAsync(connection).ConfigureAwait(false);
                    foreach (var pending in batch)
                    {
                        try
                        {
                            connection ??= await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                            await WriteAsync(connection, [pending]).ConfigureAwait(false);
                        }
                        catch (Exception exception)
                        {
                            pending.Done.TrySetException(exception);
                            connection = await ReopenAsync(connection).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<DbConnection?> ReopenAsync(DbConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        return null;
    }

    private async Task WriteAsync(DbConnection connection, List<PendingAppend> batch)
    {
        await using (var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            var writer = new EventTransaction(connection, transaction, db);
            foreach (var pending in batch)
            {
                pending.Result = null;
                pending.IndexChanges.Clear();
                pending.Result = await writer.WriteAsync(pending.Append, pending.IndexChanges).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
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
