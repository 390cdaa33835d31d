namespace Gatehouse.LoadTest;

/// <summary>One scan of the mix: a member's credential (or an unknown one) shown at a device.</summary>
public sealed record VisitScan(long Device, string Credential, int Person);
