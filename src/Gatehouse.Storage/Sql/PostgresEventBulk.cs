namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL: every statement is a round trip, so each step is one statement for the whole batch, over arrays
/// (unnest). Ids come from the events identity sequence, a block at a time (<see cref="ReservedIds"/>), so other
/// nodes writing at the same time never collide.
/// </summary>
internal sealed class PostgresEventBulk(PreparedCommands commands, ReservedIds ids) : EventBulk(commands)
{
    private const string InsertEvents = "INSERT INTO events (" + EventColumns + ") SELECT * FROM unnest(@id::bigint[], @org::bigint[], @device::bigint[], "
        + "@site::bigint[], @zone::bigint[], @credential::bigint[], @person::bigint[], @direction::text[], @at::timestamptz[], @outcome::text[], @reasons::text[], "
        + "@logic::bigint[], @version::integer[], @mode::text[], @vrkind::text[], @vrid::bigint[], @vrname::text[], @text::text[], @request::text[], "
        + "@pre::boolean[], @actions::integer[], @listed::boolean[])";

    public override Task<long[]> ReserveIdsAsync(int count) => ids.TakeAsync(Commands, count);

    public override async Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events)
    {
        var claimed = new bool[events.Count];
        var wanted = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            claimed[i] = events[i].RequestId is null;
            if (!claimed[i])
            {
                wanted.Add(i);
            }
        }

        if (wanted.Count == 0)
        {
            return claimed;
        }

        // The returned event ids say which rows went in; a conflicting row of another node's open transaction
        // is waited for, so "not returned" always means "stored by someone else".
        await using var reader = await Commands.Get(
            "INSERT INTO processed_requests (device_id, request_id, event_id, at) SELECT * FROM unnest(@device::bigint[], @request::text[], @event::bigint[], @at::timestamptz[]) "
            + "ON CONFLICT (device_id, request_id) DO NOTHING RETURNING event_id",
            ("device", wanted.Select(i => events[i].Device.Value).ToArray()),
            ("request", wanted.Select(i => events[i].RequestId!).ToArray()),
            ("event", wanted.Select(i => events[i].Id.Value).ToArray()),
            ("at", wanted.Select(i => events[i].At.ToUniversalTime()).ToArray())).ExecuteReaderAsync().ConfigureAwait(false);
        var inserted = new HashSet<long>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            inserted.Add(reader.GetInt64(0));
        }

        foreach (var i in wanted)
        {
            claimed[i] = inserted.Contains(events[i].Id.Value);
        }

        return claimed;
    }

    public override async Task InsertAsync(IReadOnlyList<AccessEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        await Commands.ExecuteAsync(
            InsertEvents,
            ("id", Column(events, e => e.Id.Value)), ("org", Column(events, e => e.Organization?.Value)), ("device", Column(events, e => e.Device.Value)),
            ("site", Column(events, e => e.Site?.Value)), ("zone", Column(events, e => e.Zone?.Value)), ("credential", Column(events, e => e.Credential?.Value)),
            ("person", Column(events, e => e.Person?.Value)), ("direction", Column(events, e => e.Direction.ToString())), ("at", Column(events, e => e.At.ToUniversalTime())),
            ("outcome", Column(events, e => e.Outcome.ToString())), ("reasons", Column(events, e => Reasons.Write(e.Reasons))), ("logic", Column(events, e => e.Logic?.Value)),
            ("version", Column(events, e => e.LogicVersion)), ("mode", Column(events, e => e.Mode.ToString())), ("vrkind", Column(events, e => e.VisitReason.Kind.ToString())),
            ("vrid", Column(events, e => e.VisitReason.Id)), ("vrname", Column(events, e => e.VisitReason.Name)), ("text", Column(events, e => e.DisplayText)),
            ("request", Column(events, e => e.RequestId)), ("pre", Column(events, e => e.PreVerification)), ("actions", Column(events, e => (int)e.Actions)),
            ("listed", Column(events, e => e.Listed))).ConfigureAwait(false);
    }

    private static T[] Column<T>(IReadOnlyList<AccessEvent> events, Func<AccessEvent, T> value)
    {
        var column = new T[events.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(events[i]);
        }

        return column;
    }
}
