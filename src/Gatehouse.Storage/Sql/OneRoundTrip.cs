using Gatehouse.Engine.Decisions;
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
/// <para>
/// When every effect of the batch is one the scan path plans to change exactly one row (presence added or removed,
/// the card read for its double-scan lock: nearly every batch), the COMMIT goes in the same round trip: each effect
/// statement then checks its own row count in SQL (<c>gatehouse_expect_rows</c>, migration 010), and one that comes
/// out otherwise raises, which makes PostgreSQL skip the rest of the batch, the COMMIT with it. The commit was a
/// second round trip per batch, and the writer writes one batch at a time, so it set the length of every cycle.
/// </para>
/// </summary>
internal static class OneRoundTrip
{
    /// <summary>
    /// Only batches whose effects commute (no two events on one person or credential) and whose events have at
    /// most one conditional effect each: the others need a savepoint per event, which the step-by-step path has.
    /// </summary>
    public static bool Fits(List<EffectPlan> plans) => plans.TrueForAll(p => p.Conditional.Count <= 1) && EventTransaction.Independent(plans);

    /// <summary>The effects whose statements change exactly one row per step when all goes as planned.</summary>
    private const DecisionActions OneRowEach = DecisionActions.AddPresence | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan;

    // Raised by gatehouse_expect_rows (migration 010).
    private const string NotAsPlanned = "GH001";

    /// <summary>
    /// Runs the batch, and commits it too when every effect is of <see cref="OneRowEach"/>. Committed or Written
    /// when every claim and effect went as planned (each plan's result is then set); Redo when the transaction must
    /// be rolled back (nothing was committed). Database errors are thrown, as on the step-by-step path.
    /// </summary>
    public static async Task<OneTripOutcome> TryAsync(PreparedCommands commands, List<EffectPlan> plans, AccessIndex index)
    {
        // As stored when nothing is lost or failed: the plans' own results before any step has run.
        var events = plans.ConvertAll(p => p.Finish(index).Event);
        var steps = plans.SelectMany(p => p.Conditional.Concat(p.Rest)).ToList();
        var commit = steps.TrueForAll(step => (step.Action & OneRowEach) == step.Action);
        var effects = new EffectBatch(steps);
        var insert = PostgresEventBulk.Insert(events);

        await using var batch = commands.Connection.CreateBatch();
        batch.Transaction = commands.Transaction;
        effects.AddTo(batch, checkRows: commit);
        batch.Add(insert.Sql, insert.Args);
        if (commit)
        {
            batch.Add("COMMIT", []);
        }

        // Every effect statement has a RETURNING clause, so each yields one result set, in order; the insert has none.
        bool planned;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            planned = Array.TrueForAll(await effects.ReadAsync(reader).ConfigureAwait(false), done => done);

            // Reads to the end, so an error of the insert (or of the commit) is thrown here rather than lost.
            while (await reader.NextResultAsync().ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException e) when (PostgresEventBulk.IsRequestConflict(e) || e.SqlState == NotAsPlanned)
        {
            // A request id stored before or by another node (the step-by-step path answers it as a duplicate), or
            // an effect that changed another number of rows than planned: nothing was committed.
            return OneTripOutcome.Redo;
        }

        // Committed means every statement changed the rows planned, and for these effects that is what "as planned"
        // means: the events were stored as planned, so that is the answer.
        if (planned || commit)
        {
            foreach (var plan in plans)
            {
                plan.Pending.Result = plan.Finish(index);
            }
        }

        return commit ? OneTripOutcome.Committed : planned ? OneTripOutcome.Written : OneTripOutcome.Redo;
    }
}
