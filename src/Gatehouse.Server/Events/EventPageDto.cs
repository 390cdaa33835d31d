namespace Gatehouse.Server.Events;

/// <summary>One page of events, newest first; pass <see cref="Next"/> as <c>after</c> for the next page.</summary>
public sealed record EventPageDto(IReadOnlyList<EventDto> Items, string? Next);
