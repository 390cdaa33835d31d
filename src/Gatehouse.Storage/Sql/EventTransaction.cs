using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Writes one batch of appends inside the writer's transaction, in as few statements as the batch allows:
/// duplicates answered from memory are not looked up; ids are reserved and request ids claimed for the whole
/// batch at once (the unique key is the backstop, R-DEC-05: an id stored before makes that one append a
/// duplicate, not a failed batch); effects run per event in order (they decide races, R-GYM-21); events are
/// inserted together at the end. A savepoint is taken only when an event has two or more conditional effects,
/// the only case where a lost race must undo an effect already applied. On PostgreSQL (DbBatch) a batch whose
/// events touch distinct people and credentials first goes in a single round trip, written as if everything
/// succeeds (<see cref="OneRoundTrip"/>); step by step it runs all conditional effects in one round trip and the
/// rest in another, so a batch costs about four round trips whatever its size.
/// </summary>
internal sealed class EventTransaction(PreparedCommands commands, EventBulk bulk, SqlDialect db, AccessIndex index, RecentRequests recent, DeferredEffects? deferred)
{
    /// <summary>
    /// Writes the batch in the open transaction. With <paramref name="oneTrip"/> (PostgreSQL), a batch that fits
    /// goes in one round trip (<see cref="OneRoundTrip"/>); false then means it did not go as planned and the caller
    /// must roll the transaction back and call again without. Step by step, false means another node stored one of
    /// the request ids meanwhile (<see cref="EventBulk.InsertAsync"/>): roll back and call again, and that one is
    /// then found stored and answered as a duplicate.
    /// </summary>
    public async Task<bool> WriteAsync(IReadOnlyList<PendingAppend> batch, bool oneTrip)
    {
        var toWrite = new List<PendingAppend>(batch.Count);
        var copies = new List<(PendingAppend Copy, PendingAppend First)>();
        var firsts = new Dictionary<(long Device, string Request), PendingAppend>();
        foreach (var pending in batch)
        {
            pending.Result = null;
            pending.IndexChanges.Clear();
            var e = pending.Append.Event;
            if (e.RequestId is { } request)
            {
                // Answered before (this node, since the server's own check): the same answer, read by its key.
                if (recent.Contains(e.Device, request) && await FindProcessedAsync(e.Device, request).ConfigureAwait(false) is { } earlier)
                {
                    pending.Result = new AppendResult(earlier, Duplicate: true);
                    continue;
                }

                // Twice in one batch (a device retrying fast): the first one's answer is the answer.
                if (firsts.TryGetValue((e.Device.Value, request), out var first))
                {
                    copies.Add((pending, first));
                    continue;
                }

                firsts[(e.Device.Value, request)] = pending;
            }

            toWrite.Add(pending);
        }

        var ids = await bulk.ReserveIdsAsync(toWrite.Count).ConfigureAwait(false);
        var events = new List<AccessEvent>(toWrite.Count);
        for (var i = 0; i < toWrite.Count; i++)
        {
            events.Add(toWrite[i].Append.Event with { At = Instants.Stored(toWrite[i].Append.Event.At), Id = new AccessEventId(ids[i]), StaffDecision = null });
        }

        if (oneTrip && bulk is PostgresEventBulk && commands.Connection.CanCreateBatch && toWrite.Count > 0)
        {
            var planned = toWrite.Select((pending, i) => Plan(pending, events[i])).ToList();
            if (OneRoundTrip.Fits(planned))
            {
                if (!await OneRoundTrip.TryAsync(commands, planned, index).ConfigureAwait(false))
                {
                    return false;
                }

                Settle(copies);
                return true;
            }
        }

        var claimed = await bulk.ClaimAsync(events).ConfigureAwait(false);
        var plans = new List<EffectPlan>(toWrite.Count);
        for (var i = 0; i < toWrite.Count; i++)
        {
            var pending = toWrite[i];
            if (!claimed[i])
            {
                // Stored before and no longer in memory, or by another node: its answer is the answer.
                var first = await FindProcessedAsync(events[i].Device, events[i].RequestId!).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("A conflicting request id vanished.");
                pending.Result = new AppendResult(first, Duplicate: true);
                continue;
            }

            plans.Add(Plan(pending, events[i]));
        }

        if (deferred is null && commands.Connection.CanCreateBatch && Independent(plans))
        {
            await ApplyPipelinedAsync(plans).ConfigureAwait(false);
        }
        else
        {
            foreach (var plan in plans)
            {
                await ApplyOneAsync(plan).ConfigureAwait(false);
            }
        }

        var written = new List<AccessEvent>(plans.Count);
        foreach (var plan in plans)
        {
            plan.Pending.Result = plan.Finish(index);
            written.Add(plan.Pending.Result.Event);
        }

        if (!await bulk.InsertAsync(written).ConfigureAwait(false))
        {
            return false;
        }

        Settle(copies);
        return true;
    }

    /// <summary>A request id sent twice in one batch: the first one's answer is the answer.</summary>
    private static void Settle(List<(PendingAppend Copy, PendingAppend First)> copies)
    {
        foreach (var (copy, first) in copies)
        {
            copy.Result = new AppendResult(first.Result!.Event, Duplicate: true);
        }
    }

    private EffectPlan Plan(PendingAppend pending, AccessEvent e)
    {
        var wanted = e.PreVerification ? DecisionActions.None : e.Actions & EffectPlan.Effects;
        var effects = new SideEffects(db, e, pending.Append, RequiresAbsence(pending.Append, e), pending.IndexChanges, deferred);
        return new EffectPlan(pending, e, wanted, effects.Conditional(wanted), effects.Rest(wanted));
    }

    /// <summary>
    /// One event's effects, statement by statement: conditional ones first; the first lost race stops them, and
    /// a savepoint undoes the earlier conditional ones (only needed when there are two or more).
    /// </summary>
    private async Task ApplyOneAsync(EffectPlan plan)
    {
        var savepoint = plan.Conditional.Count > 1;
        if (savepoint)
        {
            await commands.ExecuteAsync("SAVEPOINT append_one").ConfigureAwait(false);
        }

        foreach (var step in plan.Conditional)
        {
            if (!await RunAsync(step).ConfigureAwait(false))
            {
                // Someone else won (another node, or a scan that skipped the person lock): this entry did not happen.
                plan.Lose(step);
                if (savepoint)
                {
                    await commands.ExecuteAsync("ROLLBACK TO SAVEPOINT append_one").ConfigureAwait(false);
                }

                break;
            }
        }

        if (plan.Lost is null)
        {
            foreach (var step in plan.Rest)
            {
                if (!await RunAsync(step).ConfigureAwait(false))
                {
                    plan.Fail(step);
                }
            }
        }

        if (savepoint)
        {
            await commands.ExecuteAsync("RELEASE SAVEPOINT append_one").ConfigureAwait(false);
        }

        // Like the savepoint: a lost race leaves no deferred change behind either.
        deferred?.EndEvent(plan.Lost is null);
    }

    /// <summary>
    /// PostgreSQL, when no two events of the batch touch the same person or credential (so their effects commute):
    /// every event's single conditional statement in one round trip, then every winner's other effects in a second.
    /// Events with two or more conditional effects keep the one-by-one path with its savepoint.
    /// </summary>
    private async Task ApplyPipelinedAsync(List<EffectPlan> plans)
    {
        var simple = new List<EffectPlan>(plans.Count);
        foreach (var plan in plans)
        {
            if (plan.Conditional.Count > 1)
            {
                await ApplyOneAsync(plan).ConfigureAwait(false);
            }
            else
            {
                simple.Add(plan);
            }
        }

        var conditional = simple.Where(p => p.Conditional.Count == 1).ToList();
        var won = await RunBatchAsync(conditional.Select(p => p.Conditional[0]).ToList()).ConfigureAwait(false);
        for (var i = 0; i < conditional.Count; i++)
        {
            if (!won[i])
            {
                conditional[i].Lose(conditional[i].Conditional[0]);
            }
        }

        var rest = simple.Where(p => p.Lost is null).SelectMany(p => p.Rest.Select(step => (Plan: p, Step: step))).ToList();
        var applied = await RunBatchAsync(rest.Select(r => r.Step).ToList()).ConfigureAwait(false);
        for (var i = 0; i < rest.Count; i++)
        {
            if (!applied[i])
            {
                rest[i].Plan.Fail(rest[i].Step);
            }
        }
    }

    /// <summary>No two of the events with effects touch the same person or credential, so their effects commute.</summary>
    public static bool Independent(List<EffectPlan> plans)
    {
        var people = new HashSet<long>();
        var credentials = new HashSet<long>();
        foreach (var plan in plans)
        {
            if (plan.Wanted != DecisionActions.None
                && ((plan.Event.Person is { } person && !people.Add(person.Value)) || (plan.Event.Credential is { } credential && !credentials.Add(credential.Value))))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> RunAsync(EffectStep step)
    {
        await using var reader = await commands.Get(step.Sql, step.Args).ExecuteReaderAsync().ConfigureAwait(false);
        return step.Apply(await reader.ReadAsync().ConfigureAwait(false) ? reader : null);
    }

    /// <summary>Many steps, one round trip, grouped by kind (<see cref="EffectBatch"/>): whether each happened.</summary>
    private async Task<bool[]> RunBatchAsync(List<EffectStep> steps)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var effects = new EffectBatch(steps);
        await using var batch = commands.Connection.CreateBatch();
        batch.Transaction = commands.Transaction;
        effects.AddTo(batch);
        await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        return await effects.ReadAsync(reader).ConfigureAwait(false);
    }

    /// <summary>Request 1 (issue #3): only an anti-passback logic makes "already present" a lost race.</summary>
    private bool RequiresAbsence(EventAppend append, AccessEvent e) =>
        append.RequireAbsent ?? (e.Logic is not { } logic || index.FindLogic(logic) is not { } found || found.Checks.CheckLackOfPresence);

    private async Task<AccessEvent?> FindProcessedAsync(DeviceId device, string requestId)
    {
        var command = commands.Get(db.ProcessedEventSql, ("device", device.Value), ("request", requestId));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? Rows.ToEvent(new Row(reader, db)) : null;
    }
}
