using Npgsql;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL: every statement is a round trip, so each step is one statement for the whole batch, over arrays
/// (unnest). Ids come from the events identity sequence, a block at a time (<see cref="ReservedIds"/>), so other
/// nodes writing at the same time never collide. Request ids are claimed by the events' own unique index
/// (migration 006). The insert has no ON CONFLICT clause: a conflict is rare (a retry through another node, or one
/// no longer in memory, which <see cref="ClaimAsync"/> finds first), and a speculative insert costs every row.
/// A conflict is a unique violation of that index, and the batch is written again (<see cref="IsRequestConflict"/>).
/// </summary>
internal sealed class PostgresEventBulk(PreparedCommands commands, ReservedIds ids) : EventBulk(commands)
{
    private const string InsertEvents = "INSERT INTO events (" + EventColumns + ") SELECT * FROM unnest(@id::bigint[], @org::bigint[], @device::bigint[], "
        + "@site::bigint[], @zone::bigint[], @credential::bigint[], @person::bigint[], @direction::text[], @at::timestamptz[], @outcome::text[], @reasons::text[], "
        + "@logic::bigint[], @version::integer[], @mode::text[], @vrkind::text[], @vrid::bigint[], @vrname::text[], @text::text[], @request::text[], "
        + "@pre::boolean[], @actions::integer[], @listed::boolean[])";

    private const string RequestIndex = "ux_events_request";

    // Positions (from 1) of the pairs already stored; uses ux_events_request.
    private const string Stored = "SELECT u.n FROM unnest(@device::bigint[], @request::text[]) WITH ORDINALITY AS u(device, request, n) "
        + "WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = u.device AND e.request_id = u.request COLLATE \"C\")";

    public override Task<long[]> ReserveIdsAsync(int count) => ids.TakeAsync(Commands, count);

    /// <summary>
    /// A lookup, not a claim: a pair another node is storing right now is not seen here, and is caught by the
    /// insert (<see cref="InsertAsync"/>), which waits for that node's transaction and then fails on the key.
    /// </summary>
    public override async Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events)
    {
        var free = events.Select(_ => true).ToArray();
        var wanted = Enumerable.Range(0, events.Count).Where(i => events[i].RequestId is not null).ToList();
        if (wanted.Count == 0)
        {
            return free;
        }

        var command = Commands.Get(Stored, ("device", wanted.Select(i => events[i].Device.Value).ToArray()), ("request", wanted.Select(i => events[i].RequestId!).ToArray()));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            free[wanted[(int)reader.GetInt64(0) - 1]] = false;
        }

        return free;
    }

    public override async Task<bool> InsertAsync(IReadOnlyList<AccessEvent> events)
    {
        if (events.Count == 0)
        {
            return true;
        }

        var insert = Insert(events);
        try
        {
            await Commands.ExecuteAsync(insert.Sql, insert.Args).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (IsRequestConflict(e))
        {
            return false;
        }
    }

    /// <summary>Whether an insert of events failed only because a request id was stored meanwhile (R-DEC-05).</summary>
    public static bool IsRequestConflict(PostgresException e) => e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RequestIndex };

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
