namespace Gatehouse.Engine.Model;

/// <summary>
/// An employee's access: the company's shared level (R-EMP-03), working hours for the "working hours" employee
/// policy (R-GYM-12), and whether access depends on an office-day booking and questionnaire (R-EMP-04/05).
/// </summary>
public sealed record EmploymentTerms(
    CompanyId? Company,
    AccessLevelId? Level,
    IReadOnlyList<AccessRule>? WorkingHours = null,
    bool ConditionalAccess = false);
