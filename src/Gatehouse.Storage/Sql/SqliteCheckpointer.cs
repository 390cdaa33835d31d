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
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The writer checkpoints by itself only when the WAL passes this many pages (about 80 MB).</summary>
    public const int WriterAutoCheckpointPages = 20_000;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public SqliteCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = "Gatehouse SQLite checkpoints" };
        _thread.Start();
    }

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
            using var checkpoint = connection.Command("PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(PASSIVE);");
            while (!_stop.Token.WaitHandle.WaitOne(Interval))
            {
                try
                {
                    checkpoint.ExecuteNonQuery();
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
}
