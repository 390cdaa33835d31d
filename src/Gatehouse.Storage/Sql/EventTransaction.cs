using System.Data.Common;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Writes one append inside the writer's batch transaction, under a savepoint so that one append's lost race
/// (or duplicate request id) is undone without touching the others in the batch.
/// </summary>
internal sealed class EventTransaction(DbConnection connection, DbTransaction transaction, SqlDialect db)
{
    private const DecisionActions Effects = DecisionActions.AddPresence | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan
        | DecisionActions.MarkQrUsage | DecisionActions.CollectCard | DecisionActions.UseZoneProduct | DecisionActions.MarkFacilityBookingUsage
        | DecisionActions.VisitorCheckIn | DecisionActions.VisitorCheckOut;

    public async Task<AppendResult> WriteAsync(EventAppend append, List<Action<AccessIndex>> indexChanges)
    {
        var @event = append.Event with { At = Instants.Stored(append.Event.At), Id = default, StaffDecision = null };
        await ExecuteAsync("SAVEPOINT append_one").ConfigureAwait(false);
        if (@event.RequestId is { } requestId && await FindProcessedAsync(@event.Device, requestId).ConfigureAwait(false) is { } earlier)
        {
            await ExecuteAsync("RELEASE SAVEPOINT append_one").ConfigureAwait(false);
            return new AppendResult(earlier, Duplicate: true);
        }

        var wanted = @event.PreVerification ? DecisionActions.None : @event.Actions & Effects;
        var effects = new SideEffects(connection, transaction, db, @event, append);
        var lost = await effects.ApplyConditionalAsync(wanted, indexChanges).ConfigureAwait(false);
        var failed = DecisionActions.None;
        if (lost is { } race)
        {
            // Someone else won (another node, or a scan that skipped the person lock): this entry did not happen.
            await ExecuteAsync("ROLLBACK TO SAVEPOINT append_one").ConfigureAwait(false);
            indexChanges.Clear();
            failed = race.Action;
            @event = @event with
            {
                Outcome = Outcome.Denied,
                Reasons = [.. @event.Reasons.Where(r => r != race.Reason), race.Reason],
                Actions = @event.Actions & ~Effects,
                Listed = true,
            };
        }
        else
        {
            failed = await effects.ApplyRestAsync(wanted, indexChanges).ConfigureAwait(false);
            @event = @event with { Actions = (@event.Actions & ~Effects) | (wanted & ~failed) };
        }

        var id = await InsertEventAsync(@event).ConfigureAwait(false);
        @event = @event with { Id = new AccessEventId(id) };
        if (@event.RequestId is { } request && !await RememberRequestAsync(@event, request).ConfigureAwait(false))
        {
            // Another node stored this request id between our check and our insert: its answer is the answer.
            await ExecuteAsync("ROLLBACK TO SAVEPOINT append_one").ConfigureAwait(false);
            indexChanges.Clear();
            var first = await FindProcessedAsync(@event.Device, request).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A conflicting request id vanished.");
            await ExecuteAsync("RELEASE SAVEPOINT append_one").ConfigureAwait(false);
            return new AppendResult(first, Duplicate: true);
        }

        await ExecuteAsync("RELEASE SAVEPOINT append_one").ConfigureAwait(false);
        return new AppendResult(@event, false, failed, lost is not null);
    }

    private async Task<AccessEvent?> FindProcessedAsync(DeviceId device, string requestId)
    {
        await using var command = connection.Command(
            $"SELECT {Rows.Event} FROM processed_requests p JOIN events e ON e.id = p.event_id LEFT JOIN staff_decisions d ON d.event_id = e.id WHERE p.device_id = @device AND p.request_id = @request", transaction)
            .With("device", device.Value).With("request", requestId);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? Rows.ToEvent(new Row(reader, db)) : null;
    }

    private async Task<long> InsertEventAsync(AccessEvent e)
    {
        await using var command = connection.Command(
            """
            INSERT INTO events (organization_id, device_id, site_id, zone_id, credential_id, person_id, direction, at, outcome, reasons,
                logic_id, logic_version, mode, visit_reason_kind, visit_reason_id, visit_reason_name, display_text, request_id,
                pre_verification, actions, listed)
            VALUES (@org, @device, @site, @zone, @credential, @person, @direction, @at, @outcome, @reasons,
                @logic, @version, @mode, @vrkind, @vrid, @vrname, @text, @request, @pre, @actions, @listed)
            RETURNING id
            """, transaction)
            .With("org", e.Organization?.Value).With("device", e.Device.Value).With("site", e.Site?.Value).With("zone", e.Zone?.Value)
            .With("credential", e.Credential?.Value).With("person", e.Person?.Value).With("direction", e.Direction.ToString())
            .With("at", db.Instant(e.At)).With("outcome", e.Outcome.ToString()).With("reasons", Reasons.Write(e.Reasons))
            .With("logic", e.Logic?.Value).With("version", e.LogicVersion).With("mode", e.Mode.ToString())
            .With("vrkind", e.VisitReason.Kind.ToString()).With("vrid", e.VisitReason.Id).With("vrname", e.VisitReason.Name)
            .With("text", e.DisplayText).With("request", e.RequestId).With("pre", e.PreVerification).With("actions", (int)e.Actions)
            .With("listed", e.Listed);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<bool> RememberRequestAsync(AccessEvent e, string requestId)
    {
        await using var command = connection.Command(
            "INSERT INTO processed_requests (device_id, request_id, event_id, at) VALUES (@device, @request, @event, @at) ON CONFLICT (device_id, request_id) DO NOTHING", transaction)
            .With("device", e.Device.Value).With("request", requestId).With("event", e.Id.Value).With("at", db.Instant(e.At));
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
