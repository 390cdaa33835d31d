using System.Numerics;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Writes one batch of appends inside the writer's transaction, in as few statements as the batch allows:
/// duplicates answered from memory are not looked up; ids are reserved and request ids claimed for the whole
/// batch at once (the unique key is the backstop, R-DEC-05: an id claimed elsewhere makes that one append a
/// duplicate, not a failed batch); effects run per event in order (they decide races, R-GYM-21); events are
/// inserted together at the end. A savepoint is taken only when an event has two or more conditional effects,
/// the only case where a lost race must undo an effect already applied.
/// </summary>
internal sealed class EventTransaction(PreparedCommands commands, EventBulk bulk, SqlDialect db, AccessIndex index, RecentRequests recent)
{
    private const DecisionActions Effects = DecisionActions.AddPresence | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan
        | DecisionActions.MarkQrUsage | DecisionActions.CollectCard | DecisionActions.UseZoneProduct | DecisionActions.MarkFacilityBookingUsage
        | DecisionActions.VisitorCheckIn | DecisionActions.VisitorCheckOut;

    private const DecisionActions Conditional = DecisionActions.AddPresence | DecisionActions.MarkQrUsage | DecisionActions.UseZoneProduct;

    public async Task WriteAsync(IReadOnlyList<PendingAppend> batch)
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
                // Answered before (this node, since the server's own check): the same answer, no I/O.
                if (recent.TryGet(e.Device, request, out var earlier) && earlier is not null)
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

        var claimed = await bulk.ClaimAsync(events).ConfigureAwait(false);
        var written = new List<AccessEvent>(toWrite.Count);
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

            pending.Result = await ApplyAsync(pending.Append, events[i], pending.IndexChanges).ConfigureAwait(false);
            written.Add(pending.Result.Event);
        }

        await bulk.InsertAsync(written).ConfigureAwait(false);
        foreach (var (copy, first) in copies)
        {
            copy.Result = new AppendResult(first.Result!.Event, Duplicate: true);
        }
    }

    private async Task<AppendResult> ApplyAsync(EventAppend append, AccessEvent @event, List<Action<AccessIndex>> indexChanges)
    {
        var wanted = @event.PreVerification ? DecisionActions.None : @event.Actions & Effects;
        var effects = new SideEffects(commands, db, @event, append, RequiresAbsence(append, @event));
        var savepoint = BitOperations.PopCount((uint)(wanted & Conditional)) > 1;
        if (savepoint)
        {
            await commands.ExecuteAsync("SAVEPOINT append_one").ConfigureAwait(false);
        }

        var lost = await effects.ApplyConditionalAsync(wanted, indexChanges).ConfigureAwait(false);
        DecisionActions failed;
        if (lost is { } race)
        {
            // Someone else won (another node, or a scan that skipped the person lock): this entry did not happen.
            if (savepoint)
            {
                await commands.ExecuteAsync("ROLLBACK TO SAVEPOINT append_one").ConfigureAwait(false);
            }

            indexChanges.Clear();
            failed = race.Action;
            @event = @event with
            {
                Outcome = Outcome.Denied,
                Reasons = [.. @event.Reasons.Where(r => r != race.Reason), race.Reason],
                Actions = @event.Actions & ~Effects,
                Listed = true,
                DisplayText = OverruledText.Render(@event, race.Reason, index),
            };
        }
        else
        {
            failed = await effects.ApplyRestAsync(wanted, indexChanges).ConfigureAwait(false);
            @event = @event with { Actions = (@event.Actions & ~Effects) | (wanted & ~failed) };
        }

        if (savepoint)
        {
            await commands.ExecuteAsync("RELEASE SAVEPOINT append_one").ConfigureAwait(false);
        }

        return new AppendResult(@event, false, failed, lost is not null);
    }

    /// <summary>Request 1 (issue #3): only an anti-passback logic makes "already present" a lost race.</summary>
    private bool RequiresAbsence(EventAppend append, AccessEvent e) =>
        append.RequireAbsent ?? (e.Logic is not { } logic || index.FindLogic(logic) is not { } found || found.Checks.CheckLackOfPresence);

    private async Task<AccessEvent?> FindProcessedAsync(DeviceId device, string requestId)
    {
        var command = commands.Get(
            $"SELECT {Rows.Event} FROM processed_requests p JOIN events e ON e.id = p.event_id LEFT JOIN staff_decisions d ON d.event_id = e.id WHERE p.device_id = @device AND p.request_id = @request",
            ("device", device.Value), ("request", requestId));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? Rows.ToEvent(new Row(reader, db)) : null;
    }
}
