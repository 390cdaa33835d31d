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
        if (Claim(events) is not { } claim)
        {
            return [.. events.Select(_ => true)];
        }

        // The returned event ids say which rows went in; a conflicting row of another node's open transaction
        // is waited for, so "not returned" always means "stored by someone else".
        await using var reader = await Commands.Get(claim.Sql, claim.Args).ExecuteReaderAsync().ConfigureAwait(false);
        var inserted = new HashSet<long>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            inserted.Add(reader.GetInt64(0));
        }

        return Claimed(events, inserted);
    }

    /// <summary>The statement claiming the request ids of these events (it returns the event ids it inserted), or null when none has one.</summary>
    public static SqlStatement? Claim(IReadOnlyList<AccessEvent> events)
    {
        var wanted = events.Where(e => e.RequestId is not null).ToList();
        return wanted.Count == 0
            ? null
            : new SqlStatement(
                "INSERT INTO processed_requests (device_id, request_id, event_id, at) SELECT * FROM unnest(@device::bigint[], @request::text[], @event::bigint[], @at::timestamptz[]) "
                + "ON CONFLICT (device_id, request_id) DO NOTHING RETURNING event_id",
                [("device", Column(wanted, e => e.Device.Value)), ("request", Column(wanted, e => e.RequestId!)), ("event", Column(wanted, e => e.Id.Value)),
                    ("at", Column(wanted, e => e.At.ToUniversalTime()))]);
    }

    /// <summary>Per event, whether it is claimed: no request id, or its event id came back from <see cref="Claim"/>.</summary>
    public static bool[] Claimed(IReadOnlyList<AccessEvent> events, HashSet<long> inserted) =>
        [.. events.Select(e => e.RequestId is null || inserted.Contains(e.Id.Value))];

    public override async Task InsertAsync(IReadOnlyList<AccessEvent> events)
    {
        if (events.Count > 0)
        {
            var insert = Insert(events);
            await Commands.ExecuteAsync(insert.Sql, insert.Args).ConfigureAwait(false);
        }
    }

    /// <summary>The statement inserting these events, one array per column.</summary>
    public static SqlStatement Insert(IReadOnlyList<AccessEvent> events) => new(
        InsertEvents,
        [
            ("id", Column(events, e => e.Id.Value)), ("org", Column(events, e => e.Organization?.Value)), ("device", Column(events, e => e.Device.Value)),
            ("site", Column(events, e => e.Site?.Value)), ("zone", Column(events, e => e.Zone?.Value)), ("credential", Column(events, e => e.Credential?.Value)),
            ("person", Column(events, e => e.Person?.Value)), ("direction", Column(events, e => e.Direction.ToString())), ("at", Column(events, e => e.At.ToUniversalTime())),
            ("outcome", Column(events, e => e.Outcome.ToString())), ("reasons", Column(events, e => Reasons.Write(e.Reasons))), ("logic", Column(events, e => e.Logic?.Value)),
            ("version", Column(events, e => e.LogicVersion)), ("mode", Column(events, e => e.Mode.ToString())), ("vrkind", Column(events, e => e.VisitReason.Kind.ToString())),
            ("vrid", Column(events, e => e.VisitReason.Id)), ("vrname", Column(events, e => e.VisitReason.Name)), ("text", Column(events, e => e.DisplayText)),
            ("request", Column(events, e => e.RequestId)), ("pre", Column(events, e => e.PreVerification)), ("actions", Column(events, e => (int)e.Actions)),
            ("listed", Column(events, e => e.Listed)),
        ]);

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
