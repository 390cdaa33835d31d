namespace Gatehouse.Storage.Sql;

/// <summary>
/// The per-batch statements of the event writer that each database does its own fastest way: reserving event
/// ids, claiming request ids (R-DEC-05) and inserting the events. SQLite re-executes one prepared statement per
/// row (no round trips); PostgreSQL sends one statement over arrays for the whole batch (one round trip).
/// </summary>
internal abstract class EventBulk(PreparedCommands commands) : IDisposable
{
    protected PreparedCommands Commands => commands;

    /// <summary>Ids for the batch's events, so request ids can be claimed before effects run.</summary>
    public abstract Task<long[]> ReserveIdsAsync(int count);

    /// <summary>
    /// Inserts a processed_requests row per event with a request id (ON CONFLICT DO NOTHING); false where the
    /// unique key already held the pair (stored earlier, or by another node): that event is a duplicate.
    /// Events without a request id are always claimed.
    /// </summary>
    public abstract Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events);

    /// <summary>Inserts the events with their reserved ids.</summary>
    public abstract Task InsertAsync(IReadOnlyList<AccessEvent> events);

    /// <summary>Releases statements compiled outside <see cref="PreparedCommands"/>, before the connection closes.</summary>
    public virtual void Dispose()
    {
    }

    protected const string EventColumns =
        "id, organization_id, device_id, site_id, zone_id, credential_id, person_id, direction, at, outcome, reasons, logic_id, logic_version, mode, "
        + "visit_reason_kind, visit_reason_id, visit_reason_name, display_text, request_id, pre_verification, actions, listed";
}
