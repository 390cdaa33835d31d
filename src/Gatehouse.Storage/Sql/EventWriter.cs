using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Group commit (R-DEC-04 without one fsync per scan): one loop drains every pending append from the channel,
/// writes them and their side effects in one transaction and commits; once the batch is durable, the index is
/// updated and the callers' tasks completed. Waiting for the disk is kept off the loop: on SQLite the fsync runs
/// beside the writer (<see cref="WalFlusher"/>); on PostgreSQL the commit is the durable point, and appends that
/// arrive meanwhile make the next, larger batch. One connection: a second one, writing the next batch while the
/// previous one committed, made PostgreSQL's batches smaller and its CPU per scan about twice as high
/// (docs/performance.md, seventh session). If a batch fails, its appends are retried one by one so a single bad append fails
/// alone.
/// </summary>
internal sealed class EventWriter(SqlDialect db, AccessIndex index, RecentRequests recent, StoreOptions options) : IAsyncDisposable
{
    // Passes of one batch that each met a request id stored by another node meanwhile (see WriteAsync).
    private const int MaxRewrites = 8;

    private readonly Channel<PendingAppend> _channel = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;

    // Owned by the writer loop only: its connection and prepared commands, reused batch after batch.
    private readonly WriterLane _lane = new(db);
    private WalFlusher? _flusher;

    // SQLite: effects applied in bulk (DeferredEffects). The gate is held from a batch's first statement to its
    // commit, so SettleAsync applies them between two batches, never inside one.
    private readonly DeferredEffects? _deferred = db.Provider == StoreProvider.Sqlite ? new DeferredEffects(options.DeferredEffectRows) : null;
    private readonly SemaphoreSlim _gate = new(1, 1);

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
        _flusher?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Writes the deferred effects committed so far to their tables (SQLite; nothing to do on PostgreSQL). Called
    /// before anything reads or changes presence or a card's row outside the scan path, so it sees them there.
    /// </summary>
    public async Task SettleAsync()
    {
        if (_deferred is null)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_deferred.Settled)
            {
                await ApplyDeferredAsync(_lane).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyDeferredAsync(WriterLane lane)
    {
        var connection = await lane.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        lane.Commands.Transaction = transaction;
        try
        {
            await _deferred!.WriteAllAsync(lane.Commands).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            _deferred.Committed();
        }
        catch (Exception)
        {
            _deferred!.RolledBack();
            throw;
        }
        finally
        {
            lane.Commands.Transaction = null;
        }
    }

    private async Task RunAsync()
    {
        var lane = _lane;
        try
        {
            while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // The previous batch is committed (or retried) before the next is gathered.
                await lane.Committing.ConfigureAwait(false);

                // A fresh list per batch: a committed batch may still be waiting for its fsync or its turn to commit.
                var batch = new List<PendingAppend>(Math.Min(options.MaxBatchSize, 64));
                while (batch.Count < options.MaxBatchSize && _channel.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                if (_deferred is not null)
                {
                    await _gate.WaitAsync().ConfigureAwait(false);
                }

                DbTransaction transaction;
                try
                {
                    transaction = await WriteAsync(lane, batch).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The connection may be broken (server restart): the retries start on a fresh one.
                    await lane.CloseAsync().ConfigureAwait(false);
                    await RetryOneByOneAsync(lane, batch).ConfigureAwait(false);
                    ReleaseGate();
                    continue;
                }

                lane.Committing = CommitAsync(lane, transaction, batch);
            }
        }
        finally
        {
            await lane.Committing.ConfigureAwait(false);
            if (_deferred is { Settled: false })
            {
                try
                {
                    await SettleAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The events hold these effects: the next start replays them (EffectReplay).
                }
            }

            await lane.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Begins the batch's transaction on the lane and runs its statements; the transaction is left open.</summary>
    private async Task<DbTransaction> WriteAsync(WriterLane lane, List<PendingAppend> batch)
    {
        if (_flusher?.Failure is { } failure)
        {
            throw failure;
        }

        var connection = await lane.OpenAsync().ConfigureAwait(false);
        if (_flusher is null && db.DeferredSyncPath(connection) is { } path)
        {
            _flusher = new WalFlusher(path, Release);
        }

        var startedAt = Stopwatch.GetTimestamp();
        var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        lane.Commands.Transaction = transaction;
        _deferred?.RolledBack();
        try
        {
            if (_deferred is not null)
            {
                await _deferred.BeginBatchAsync(lane.Commands).ConfigureAwait(false);
            }

            var writing = new EventTransaction(lane.Commands, lane.Bulk, db, index, recent, _deferred);
            var oneTrip = true;
            var rewrites = 0;
            while (!await writing.WriteAsync(batch, oneTrip).ConfigureAwait(false))
            {
                // Written in one round trip as if every claim and effect would succeed, and one did not; or step by
                // step, and another node stored one of the request ids meanwhile: undo it all and write the batch
                // step by step, where a duplicate or a lost race gets its own answer. Each pass sees what the
                // other nodes committed before it, so this ends in a pass or two; if it does not (the lookup and
                // the key disagree), the batch fails and is retried one append at a time, rather than the writer
                // looping forever with every later scan queued behind it.
                if (++rewrites > MaxRewrites)
                {
                    throw new InvalidOperationException($"A batch of {batch.Count} events still met a request id stored meanwhile after {MaxRewrites} rewrites; the lookup of stored request ids and their unique key disagree.");
                }

                await transaction.RollbackAsync().ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
                transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                lane.Commands.Transaction = transaction;
                oneTrip = false;
            }

            if (_deferred is not null)
            {
                await _deferred.EndBatchAsync(lane.Commands).ConfigureAwait(false);
            }

            EventWriterMetrics.RecordWrite(batch.Count, Stopwatch.GetElapsedTime(startedAt));
            return transaction;
        }
        catch (Exception)
        {
            _deferred?.RolledBack();
            lane.Commands.Transaction = null;
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Commits, then hands the batch on to be released (now, or after the WAL fsync).
    /// Never throws: a failed commit retries its appends one by one, and whatever still fails is the caller's error.
    /// </summary>
    private async Task CommitAsync(WriterLane lane, DbTransaction transaction, List<PendingAppend> batch)
    {
        try
        {
            await CommitOrRetryAsync(lane, transaction, batch).ConfigureAwait(false);
        }
        finally
        {
            ReleaseGate();
        }
    }

    private async Task CommitOrRetryAsync(WriterLane lane, DbTransaction transaction, List<PendingAppend> batch)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            _deferred?.RolledBack();
            await transaction.DisposeAsync().ConfigureAwait(false);
            await lane.CloseAsync().ConfigureAwait(false);
            if (!await ReleaseIfStoredAsync(batch).ConfigureAwait(false))
            {
                await RetryOneByOneAsync(lane, batch).ConfigureAwait(false);
            }

            return;
        }

        _deferred?.Committed();
        lane.Commands.Transaction = null;
        await transaction.DisposeAsync().ConfigureAwait(false);
        EventWriterMetrics.RecordCommit(Stopwatch.GetElapsedTime(startedAt));
        Durable(batch);
        try
        {
            await db.BetweenBatchesAsync(lane.Commands.Connection).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Housekeeping only (a checkpoint): the batch is committed and released; the next request tries again.
            // Never let it fault this task: the next batch waits on it.
        }
    }

    private async Task RetryOneByOneAsync(WriterLane lane, List<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            var committing = false;
            try
            {
                await using var transaction = await WriteAsync(lane, [pending]).ConfigureAwait(false);
                committing = true;
                await transaction.CommitAsync().ConfigureAwait(false);
                committing = false;
                _deferred?.Committed();
                lane.Commands.Transaction = null;
                Durable([pending]);
            }
            catch (Exception exception)
            {
                _deferred?.RolledBack();
                await lane.CloseAsync().ConfigureAwait(false);
                if (!committing || !await ReleaseIfStoredAsync([pending]).ConfigureAwait(false))
                {
                    pending.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>
    /// After a failed COMMIT: when the appends are stored after all (only the answer was lost, see
    /// <see cref="CommitOutcome"/>), they are durable and released as if the answer had come. Says whether they were.
    /// </summary>
    private async Task<bool> ReleaseIfStoredAsync(List<PendingAppend> appends)
    {
        if (!await CommitOutcome.StoredAfterAllAsync(db, appends).ConfigureAwait(false))
        {
            return false;
        }

        Durable(appends);
        return true;
    }

    private void ReleaseGate()
    {
        if (_deferred is not null)
        {
            _gate.Release();
        }
    }

    private void Durable(List<PendingAppend> batch)
    {
        if (_flusher is null)
        {
            Release(batch);
        }
        else
        {
            // Committed, not yet durable: the flusher releases the callers after its next fsync.
            _flusher.Committed(batch);
        }
    }

    /// <summary>Durable now: make the index and the request cache agree, then release the callers.</summary>
    private void Release(IReadOnlyList<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                foreach (var change in pending.IndexChanges)
                {
                    change(index);
                }

                recent.Remember(pending.Result!.Event.Device, pending.Result.Event.RequestId);
            }
            catch (Exception)
            {
                // Committed is committed: never let an index hiccup send a durable batch back for a retry (that
                // would write the events twice). The row is re-read at the next start.
            }

            pending.Done.TrySetResult(pending.Result!);
            EventWriterMetrics.RecordAppend(Stopwatch.GetElapsedTime(pending.QueuedAt));
        }
    }
}
