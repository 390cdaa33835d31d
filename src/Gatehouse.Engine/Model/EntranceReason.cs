namespace Gatehouse.Engine.Model;

/// <summary>A reason given with a scan for entry without the person's own entitlement (R-GYM-14).</summary>
public enum EntranceReason
{
    None,

    /// <summary>An anonymous entrance reason chosen at the desk (trial, event, …).</summary>
    Custom,
    AccompaniedByEmployee,
    Guest,
    GuestRegisteredAtPos,
}
