namespace Gatehouse.Storage;

/// <summary>One page of events, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<AccessEvent> Items, EventCursor? Next);
