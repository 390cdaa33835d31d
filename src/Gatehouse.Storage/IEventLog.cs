using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>The append-only event log (R-DEC-04, R-DEC-05) and its reports (R-STU-10, R-STU-11).</summary>
public interface IEventLog
{
    /// <summary>
    /// Appends one event and applies its side effects in the same transaction, batched with other appends
    /// (group commit). Completes only after the commit is durable (R-DEC-04), then the index reflects it.
    /// A (device, request id) seen before returns the first event with <see cref="AppendResult.Duplicate"/>.
    /// </summary>
    Task<AppendResult> AppendAsync(EventAppend append, CancellationToken cancellationToken = default);

    /// <summary>
    /// The event already stored for this device and request id, if it is among the recent ones this node knows
    /// (R-DEC-05). A pair not known in memory costs no I/O and returns null: an older duplicate is still caught by
    /// <see cref="AppendAsync"/>. A known one is read back by its key.
    /// </summary>
    ValueTask<AccessEvent?> FindRecentAsync(DeviceId device, string requestId, CancellationToken cancellationToken = default);

    Task<AccessEvent?> GetEventAsync(OrganizationId organization, AccessEventId id, CancellationToken cancellationToken = default);

    /// <summary>One page, newest first.</summary>
    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts per local day of each event's site (R-STU-11), ignoring paging; includes unlisted denials.</summary>
    Task<IReadOnlyList<EventCount>> CountPerDayAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts per local day and hour of each event's site (R-STU-11).</summary>
    Task<IReadOnlyList<EventCount>> CountPerHourAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every matching event, newest first, streamed (CSV export); ignores Limit and After.</summary>
    IAsyncEnumerable<AccessEvent> ExportEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// R-VIS-10 erasure: blanks the display text of every event of the person (rendered texts carry the first name);
    /// ids, outcome and reasons stay. Also in the recent-request cache, so a late retry does not answer with the
    /// name. Returns how many stored events changed.
    /// </summary>
    Task<int> AnonymiseEventsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Records a receptionist's allow/refuse of an entry (R-STU-07). Conflict when already decided.</summary>
    Task<StoreResult<AccessEvent>> RecordStaffDecisionAsync(OrganizationId organization, AccessEventId id, bool allowed, StaffUserId by, CancellationToken cancellationToken = default);
}
