using Npgsql;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL's fast path for a batch: every side effect and the event insert (whose unique index claims the
/// request ids) go in one <see cref="System.Data.Common.DbBatch"/>, one round trip instead of four, the effects
/// grouped by kind (<see cref="EffectBatch"/>). On two busy cores each round trip
/// waits about a millisecond for the database process to be scheduled, and the writer, which writes one batch at
/// a time, was the limit (docs/performance.md). The events are inserted as if every claim and every effect
/// succeeds, which is the common case: the index has already decided, and one node serializes each person. When
/// anything comes out otherwise (a request id stored before or by another node, a race lost to another node, an
/// effect with nothing to change), what was inserted would be wrong, so <see cref="TryAsync"/> says so and the
/// writer rolls the whole transaction back and writes the batch step by step (<see cref="EventTransaction"/>),
/// where each of those outcomes has its own answer.
/// </summary>
internal static class OneRoundTrip
{
    /// <summary>
    /// Only batches whose effects commute (no two events on one person or credential) and whose events have at
    /// most one conditional effect each: the others need a savepoint per event, which the step-by-step path has.
    /// </summary>
    public static bool Fits(List<EffectPlan> plans) => plans.TrueForAll(p => p.Conditional.Count <= 1) && EventTransaction.Independent(plans);

    /// <summary>
    /// Runs the batch; true when every claim and effect went as planned (each plan's result is then set), false
    /// when the transaction must be rolled back. Database errors are thrown, as on the step-by-step path.
    /// </summary>
    public static async Task<bool> TryAsync(PreparedCommands commands, List<EffectPlan> plans, AccessIndex index)
    {
        // As stored when nothing is lost or failed: the plans' own results before any step has run.
        var events = plans.ConvertAll(p => p.Finish(index).Event);
        var effects = new EffectBatch([.. plans.SelectMany(p => p.Conditional.Concat(p.Rest))]);
        var insert = PostgresEventBulk.Insert(events);

        await using var batch = commands.Connection.CreateBatch();
        batch.Transaction = commands.Transaction;
        effects.AddTo(batch);
        batch.Add(insert.Sql, insert.Args);

        // Every effect statement has a RETURNING clause, so each yields one result set, in order; the insert has none.
        bool planned;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            planned = Array.TrueForAll(await effects.ReadAsync(reader).ConfigureAwait(false), done => done);

            // Reads to the end, so an error of the insert is thrown here rather than lost.
            while (await reader.NextResultAsync().ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException e) when (PostgresEventBulk.IsRequestConflict(e))
        {
            // A request id stored before or by another node: the step-by-step path answers it as a duplicate.
            return false;
        }

        if (planned)
        {
            foreach (var plan in plans)
            {
                plan.Pending.Result = plan.Finish(index);
            }
        }

        return planned;
    }
}
