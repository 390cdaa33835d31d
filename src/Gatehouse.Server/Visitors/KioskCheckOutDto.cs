namespace Gatehouse.Server.Visitors;

/// <summary>What a kiosk shows after a check-out: a greeting, not the visitor's profile (a kiosk is a public screen).</summary>
public sealed record KioskCheckOutDto(long VisitId, string DisplayText, DateTimeOffset CheckedOutAt);
