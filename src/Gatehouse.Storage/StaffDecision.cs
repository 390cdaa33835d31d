namespace Gatehouse.Storage;

/// <summary>A receptionist's later allow/refuse of a manual entry with warnings, and who made it (R-STU-07).</summary>
public sealed record StaffDecision(bool Allowed, StaffUserId By, DateTimeOffset At);
