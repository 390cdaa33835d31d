namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite runs in process, so a statement costs its execution, not a round trip: one prepared statement per
/// table, re-executed per row. Ids are safe to reserve as max(id) + n because the batch transaction
/// (BEGIN IMMEDIATE) holds the database's single write lock.
/// </summary>
internal sealed class SqliteEventBulk(PreparedCommands commands, SqlDialect db) : EventBulk(commands)
{
    private const string InsertEvent = "INSERT INTO events (" + EventColumns + ") VALUES (@id, @org, @device, @site, @zone, @credential, @person, @direction, @at, @outcome, @reasons, "
        + "@logic, @version, @mode, @vrkind, @vrid, @vrname, @text, @request, @pre, @actions, @listed)";

    public override async Task<long[]> ReserveIdsAsync(int count)
    {
        var last = Convert.ToInt64(await Commands.Get("SELECT coalesce(max(id), 0) FROM events").ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = last + 1 + i;
        }

        return ids;
    }

    public override async Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events)
    {
        var claimed = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            claimed[i] = e.RequestId is not { } request || await Commands.ExecuteAsync(
                "INSERT INTO processed_requests (device_id, request_id, event_id, at) VALUES (@device, @request, @event, @at) ON CONFLICT (device_id, request_id) DO NOTHING",
                ("device", e.Device.Value), ("request", request), ("event", e.Id.Value), ("at", db.Instant(e.At))).ConfigureAwait(false) == 1;
        }

        return claimed;
    }

    public override async Task InsertAsync(IReadOnlyList<AccessEvent> events)
    {
        foreach (var e in events)
        {
            await Commands.ExecuteAsync(
                InsertEvent,
                ("id", e.Id.Value), ("org", e.Organization?.Value), ("device", e.Device.Value), ("site", e.Site?.Value), ("zone", e.Zone?.Value),
                ("credential", e.Credential?.Value), ("person", e.Person?.Value), ("direction", e.Direction.ToString()), ("at", db.Instant(e.At)),
                ("outcome", e.Outcome.ToString()), ("reasons", Reasons.Write(e.Reasons)), ("logic", e.Logic?.Value), ("version", e.LogicVersion),
                ("mode", e.Mode.ToString()), ("vrkind", e.VisitReason.Kind.ToString()), ("vrid", e.VisitReason.Id), ("vrname", e.VisitReason.Name),
                ("text", e.DisplayText), ("request", e.RequestId), ("pre", e.PreVerification), ("actions", (int)e.Actions), ("listed", e.Listed)).ConfigureAwait(false);
        }
    }
}
