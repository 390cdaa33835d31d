using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// What became of a batch whose COMMIT failed on PostgreSQL. The connection can break after the server applied the
/// commit and before its answer arrived, and retrying such a batch as if it had failed would store its events a
/// second time, or meet their own request ids and presence rows and answer the scans as duplicates or lost races of
/// themselves, while the index never learnt what was in fact stored. The batch's new events carry ids given before
/// the write, and a transaction is stored whole or not at all, so one read of those ids on a fresh connection tells
/// which it was. SQLite commits in the process: a commit that failed there did not happen
/// (<see cref="SqlDialect.CommitAnswerCanBeLost"/>).
/// </summary>
internal static class CommitOutcome
{
    private const string AnyStored = "SELECT EXISTS (SELECT 1 FROM events WHERE id = ANY(@ids))";

    /// <summary>
    /// True when the batch is stored after all. False when it is not, and also when the database cannot be asked
    /// now: the batch is then retried as before, and meets the same failure if the database is still away.
    /// </summary>
    public static async Task<bool> StoredAfterAllAsync(SqlDialect db, IReadOnlyList<PendingAppend> batch)
    {
        if (!db.CommitAnswerCanBeLost)
        {
            return false;
        }

        // A duplicate's event is the one stored earlier, whatever became of this batch.
        var ids = batch.Where(p => p.Result is { Duplicate: false }).Select(p => p.Result!.Event.Id.Value).ToArray();
        if (ids.Length == 0)
        {
            return false;
        }

        try
        {
            await using var connection = await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.Command(AnyStored).With("ids", ids);
            return await command.ExecuteScalarAsync().ConfigureAwait(false) is true;
        }
        catch (Exception exception) when (exception is DbException or IOException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }
}
