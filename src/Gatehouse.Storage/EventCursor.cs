namespace Gatehouse.Storage;

/// <summary>Keyset paging position: the last event of the previous page (events are ordered newest first by time, then id).</summary>
public readonly record struct EventCursor(DateTimeOffset At, AccessEventId Id);
