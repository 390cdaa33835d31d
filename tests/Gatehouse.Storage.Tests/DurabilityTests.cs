using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// R-DEC-04 on the writer's own machinery: a batch is answered only once its fsync succeeded, and a failed
/// fsync is never acknowledged. The flusher is driven directly with a real file.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-durability-").FullName;

    [Fact]
    public async Task A_committed_batch_is_released_only_after_the_wal_is_flushed()
    {
        var database = Path.Combine(_folder, "ok.db");
        await File.WriteAllTextAsync(database + "-wal", "frames");
        var released = new List<PendingAppend>();
        var batch = new List<PendingAppend> { Pending(), Pending() };

        using (var flusher = new WalFlusher(database, b => { lock (released) { released.AddRange(b); } }))
        {
            flusher.Committed(batch);
        }

        Assert.Equal(batch, released);
    }

    [Fact]
    public async Task A_batch_whose_wal_cannot_be_flushed_fails_and_every_later_batch_is_refused()
    {
        // No WAL file where the flusher looks: the fsync cannot happen, so nothing may be acknowledged.
        var database = Path.Combine(_folder, "missing.db");
        var released = 0;
        var first = Pending();
        var later = Pending();

        using (var flusher = new WalFlusher(database, b => Interlocked.Add(ref released, b.Count)))
        {
            flusher.Committed([first]);
            await Assert.ThrowsAsync<IOException>(() => first.Done.Task);
            Assert.NotNull(flusher.Failure);

            await File.WriteAllTextAsync(database + "-wal", "frames");
            flusher.Committed([later]);
            await Assert.ThrowsAsync<IOException>(() => later.Done.Task);
        }

        Assert.Equal(0, released);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PendingAppend Pending()
    {
        var pending = new PendingAppend(new EventAppend(new AccessEvent { Device = new DeviceId(1), At = DateTimeOffset.UnixEpoch, Outcome = Outcome.Granted }));
        pending.Result = new AppendResult(pending.Append.Event, Duplicate: false);
        return pending;
    }
}
