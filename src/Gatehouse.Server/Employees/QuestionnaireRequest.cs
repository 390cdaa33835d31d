namespace Gatehouse.Server.Employees;

/// <summary>A health and safety questionnaire answered for one local day (R-EMP-04).</summary>
public sealed record QuestionnaireRequest(DateOnly Date, bool Passed);
