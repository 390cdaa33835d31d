namespace Gatehouse.Engine.Decisions;

/// <summary>What justified an entry (R-DEC-02).</summary>
public enum VisitReasonKind
{
    None,
    Contract,
    Booking,
    EntranceProduct,
    ManualPresence,
    Employee,
    Visitor,
    Guest,
    CustomReason,
    AccompaniedByEmployee,
    External,
}
