using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite's durability step, taken off the event writer so that it overlaps the next batch. The writer's
/// connection commits with <c>synchronous=NORMAL</c>: the batch is in the WAL file (written, not yet fsynced)
/// and visible to every connection, but not yet durable. This thread then fsyncs the WAL file once for every
/// batch committed since its last fsync, and only after that releases their callers (R-DEC-04): no answer is
/// given before its event is on disk, exactly as with <c>synchronous=FULL</c>, but the writer is already writing
/// the next batch while the disk flushes, instead of waiting for it.
/// </summary>
/// <remarks>
/// Why this is as safe as FULL: fsync on Linux flushes the whole file (every descriptor), so it covers every frame
/// the writer wrote before the call; SQLite never overwrites WAL frames that are not yet checkpointed, and a
/// checkpoint syncs the WAL before copying and the database file after, in NORMAL mode as in FULL; frames after
/// the last complete commit are ignored by recovery (checksums). If an fsync fails, nothing after it can be
/// trusted (the kernel may have dropped the dirty pages), so the writer is marked failed and every later append
/// refuses, rather than acknowledge events that may not be on disk.
/// </remarks>
internal sealed class WalFlusher : IDisposable
{
    private readonly string _walPath;
    private readonly Action<IReadOnlyList<PendingAppend>> _release;
    private readonly Channel<List<PendingAppend>> _committed = Channel.CreateUnbounded<List<PendingAppend>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Thread _thread;
    private SafeFileHandle? _wal;

    public WalFlusher(string databasePath, Action<IReadOnlyList<PendingAppend>> release)
    {
        _walPath = databasePath + "-wal";
        _release = release;
        _thread = new Thread(Run) { IsBackground = true, Name = "Gatehouse WAL fsync" };
        _thread.Start();
    }

    /// <summary>The failure that stopped durability, if any: from then on appends are refused.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>A batch the writer has committed (not yet durable); its callers are released after the next fsync.</summary>
    public void Committed(List<PendingAppend> batch)
    {
        if (!_committed.Writer.TryWrite(batch))
        {
            var stopped = new ObjectDisposedException(nameof(WalFlusher), "The store is closing; the batch was committed but not confirmed durable.");
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(stopped);
            }
        }
    }

    /// <summary>Flushes and releases what is queued, then stops.</summary>
    public void Dispose()
    {
        _committed.Writer.TryComplete();
        _thread.Join();
        _wal?.Dispose();
    }

    private void Run()
    {
        var reader = _committed.Reader;
        var ready = new List<List<PendingAppend>>();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            ready.Clear();
            while (reader.TryRead(out var batch))
            {
                ready.Add(batch);
            }

            try
            {
                if (Failure is not null)
                {
                    throw Failure;
                }

                // Opened on first use: the WAL file exists once the writer has committed. Kept open, so closing a
                // descriptor never disturbs SQLite's own file handling.
                _wal ??= File.OpenHandle(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                RandomAccess.FlushToDisk(_wal);
                EventWriterMetrics.RecordFlush(System.Diagnostics.Stopwatch.GetElapsedTime(startedAt));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Failure ??= new IOException("The event log could not be made durable (fsync of the SQLite WAL failed); restart the server.", exception);
                foreach (var batch in ready)
                {
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(Failure);
                    }
                }

                continue;
            }

            foreach (var batch in ready)
            {
                _release(batch);
            }
        }
    }
}
