namespace Gatehouse.Engine.Model;

/// <summary>A health and safety questionnaire answered for one local day at a site (R-EMP-04).</summary>
public sealed record QuestionnaireResult(QuestionnaireId Id, PersonId Person, DateOnly Day, bool Passed);
