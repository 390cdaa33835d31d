namespace Gatehouse.Server.Events;

/// <summary>Allow or refuse entry after looking at a warning decision (R-STU-07).</summary>
public sealed record StaffDecisionRequest(bool? Allowed);
