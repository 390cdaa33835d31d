namespace Gatehouse.Server.Visitors;

/// <summary>A timed rule of a visit as the API shows it: when it is due and whether (and how) it acted.</summary>
public sealed record VisitorJobDto(string Kind, DateTimeOffset DueAt, DateTimeOffset? DoneAt, string? Outcome, int Attempts);
