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
    /// Which events may be written (R-DEC-05): false where the request id is stored already (earlier, or by another
    /// node), so that event is a duplicate. Events without a request id are always free. SQLite claims each pair in
    /// processed_requests; PostgreSQL looks the pairs up on the events, whose unique index is the claim.
    /// </summary>
    public abstract Task<bool[]> ClaimAsync(IReadOnlyList<AccessEvent> events);

    /// <summary>
    /// Inserts the events with their reserved ids. False (PostgreSQL only) when another node stored one of their
    /// request ids after <see cref="ClaimAsync"/> looked: nothing may be kept, the batch is written again.
    /// </summary>
    public abstract Task<bool> InsertAsync(IReadOnlyList<AccessEvent> events);

    /// <summary>Releases statements compiled outside <see cref="PreparedCommands"/>, before the connection closes.</summary>
    public virtual void Dispose()
    {
    }

    protected const string EventColumns =
        "id, organization_id, device_id, site_id, zone_id, credential_id, person_id, direction, at, outcome, reasons, logic_id, logic_version, mode, "
        + "visit_reason_kind, visit_reason_id, visit_reason_name, display_text, request_id, pre_verification, actions, listed";
}
