namespace Gatehouse.Server.Events;

/// <summary>A receptionist's allow/refuse of a manual entry with warnings, and who made it (R-STU-07).</summary>
public sealed record StaffDecisionDto(bool Allowed, long ByUserId, DateTimeOffset At);
