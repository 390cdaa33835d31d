namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite runs in process, so a statement costs its execution, not a round trip: one compiled statement per
/// table, re-executed per row (<see cref="RawStatement"/> for the two that run once per event). Ids are safe to reserve as max(id) + n because the batch transaction
/// (BEGIN IMMEDIATE) holds the database's single write lock.
/// </summary>
internal sealed class SqliteEventBulk(PreparedCommands commands) : EventBulk(commands)
{
    private const string InsertEvent = "INSERT INTO events (" + EventColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        + "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";

    private const string Claim =
        "INSERT INTO processed_requests (device_id, request_id, event_id, at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (device_id, request_id) DO NOTHING";

    private RawStatement? _insert;
    private RawStatement? _claim;

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

    public override Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events)
    {
        var claimed = new bool[events.Count];
        _claim ??= new RawStatement(Connection, Claim);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            claimed[i] = e.RequestId is not { } request
                || _claim.Bind(1, e.Device.Value).Bind(2, request).Bind(3, e.Id.Value).Bind(4, e.At.ToUnixTimeMilliseconds()).Execute() == 1;
        }

        return Task.FromResult(claimed);
    }

    public override Task<bool> InsertAsync(IReadOnlyList<AccessEvent> events)
    {
        _insert ??= new RawStatement(Connection, InsertEvent);
        foreach (var e in events)
        {
            // Same columns and encodings as every other write of events (SqliteDialect.Instant: unix milliseconds).
            _insert.Bind(1, e.Id.Value).Bind(2, e.Organization?.Value).Bind(3, e.Device.Value).Bind(4, e.Site?.Value).Bind(5, e.Zone?.Value)
                .Bind(6, e.Credential?.Value).Bind(7, e.Person?.Value).Bind(8, e.Direction.ToString()).Bind(9, e.At.ToUnixTimeMilliseconds())
                .Bind(10, e.Outcome.ToString()).Bind(11, Reasons.Write(e.Reasons)).Bind(12, e.Logic?.Value).Bind(13, e.LogicVersion)
                .Bind(14, e.Mode.ToString()).Bind(15, e.VisitReason.Kind.ToString()).Bind(16, e.VisitReason.Id).Bind(17, e.VisitReason.Name)
                .Bind(18, e.DisplayText).Bind(19, e.RequestId).Bind(20, e.PreVerification).Bind(21, (long)e.Actions).Bind(22, e.Listed)
                .Execute();
        }

        // The claims above hold the database's single write lock: no one else can have stored a request id since.
        return Task.FromResult(true);
    }

    public override void Dispose()
    {
        _insert?.Dispose();
        _claim?.Dispose();
        _insert = null;
        _claim = null;
        base.Dispose();
    }

    private Microsoft.Data.Sqlite.SqliteConnection Connection => (Microsoft.Data.Sqlite.SqliteConnection)Commands.Connection;
}
