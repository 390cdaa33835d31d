using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Moves SQLite's WAL checkpoints off the event writer. The automatic checkpoint runs inside the commit that
/// crosses its threshold, which here is the event writer: the one serial stage of the scan path. Every few
/// batches a commit would also copy a thousand pages into the database file and fsync it, and every scan waiting
/// on that batch would wait too (the p99). So the writer's own threshold is raised until it is only a safety net,
/// and this thread checkpoints passively on its own connection, beside the writer (WAL allows one checkpointer
/// and one writer at once). Durability is unchanged: a commit is durable once it is in the fsynced WAL.
/// A passive checkpoint never lets the WAL start over while the writer keeps appending, so the file would grow
/// to the safety net and the writer's own checkpoint would then copy a whole interval's backlog in one stall (the
/// p99.9; a RESTART checkpoint from here is no better: the writer then waits in SQLite's busy handler, whose
/// sleeps grow to tens of milliseconds). So once the WAL holds <see cref="RestartPages"/> frames, right after
/// passive passes have copied all but a few of them (<see cref="ConvergedBacklog"/>), this thread raises
/// <see cref="TakeRestartRequest"/>; the writer, between two batches, checkpoints the last few frames itself, and
/// its next batch writes the WAL from the start again.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The writer checkpoints by itself only when the WAL passes this many pages (about 1.6 GB).</summary>
    public const int WriterAutoCheckpointPages = 400_000;

    /// <summary>
    /// WAL frames (pages, about 1 GB) after which the WAL is restarted. Each restart stops the writer for the
    /// checkpoint's fsync of the database file, 25–65 ms under load, and every scan arriving meanwhile waits. Timing
    /// every answer against the writer's stalls showed the restarts behind the longest waits (at 64,000 frames, one
    /// every ~2 s at 10,000 scans/s); at 8,000 frames they came several times a second. At this size they come every
    /// ~9 s at that rate (docs/performance.md). The price is disk: under sustained load the file grows to ~1 GB and
    /// keeps that size, as SQLite overwrites it from the start; a quieter site never gets there, because the WAL
    /// also starts over by itself whenever a passive checkpoint catches up between two batches.
    /// </summary>
    public const int RestartPages = 256_000;

    /// <summary>
    /// Frames left uncopied after a pass below which the writer is asked to restart. The writer's checkpoint copies
    /// what came in during the checkpointer's last pass and fsyncs the database file, and the scans wait for it:
    /// a pass after a 200 ms wait leaves thousands of frames, whose copy and fsync took 33–48 ms (and up to 100 ms
    /// under load), so before asking, passes are repeated back to back until one leaves at most this many.
    /// </summary>
    private const long ConvergedBacklog = 1_000;

    /// <summary>Back-to-back passes at most before the writer is asked anyway (a writer faster than the copy).</summary>
    private const int MaxConvergingPasses = 8;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private int _restartWanted;

    public SqliteCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = "Gatehouse SQLite checkpoints" };
        _thread.Start();
    }

    /// <summary>True once per request: the writer should checkpoint the few frames left, so the WAL can start over.</summary>
    public bool TakeRestartRequest() => Volatile.Read(ref _restartWanted) == 1 && Interlocked.Exchange(ref _restartWanted, 0) == 1;

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using (var noWait = connection.Command("PRAGMA busy_timeout=0;"))
            {
                noWait.ExecuteNonQuery();
            }

            using var passive = connection.Command("PRAGMA wal_checkpoint(PASSIVE);");
            while (!_stop.Token.WaitHandle.WaitOne(Interval))
            {
                try
                {
                    var (frames, backlog) = Pass(passive);
                    if (frames >= RestartPages)
                    {
                        for (var pass = 0; pass < MaxConvergingPasses && backlog > ConvergedBacklog && !_stop.IsCancellationRequested; pass++)
                        {
                            backlog = Pass(passive).Backlog;
                        }

                        Volatile.Write(ref _restartWanted, 1);
                    }
                }
                catch (SqliteException)
                {
                    // Busy (another checkpoint, a schema change): nothing is lost, the next tick tries again.
                }
            }
        }
        catch (Exception exception) when (exception is SqliteException or DbException or InvalidOperationException)
        {
            // The file is gone or unreadable: the writer's own automatic checkpoint still bounds the WAL.
        }
    }

    /// <summary>Runs the checkpoint: the frames in the WAL (its second column) and those it left uncopied (less the third).</summary>
    private static (long Frames, long Backlog) Pass(DbCommand checkpoint)
    {
        using var reader = checkpoint.ExecuteReader();
        if (!reader.Read())
        {
            return (0, 0);
        }

        var frames = reader.GetInt64(1);
        return (frames, frames - reader.GetInt64(2));
    }
}
