namespace Gatehouse.Engine.Logic;

/// <summary>How an employee's scan is decided (R-GYM-12).</summary>
public enum EmployeePolicy
{
    AlwaysAllow,
    DuringWorkingHours,
    TreatAsMember,
}
