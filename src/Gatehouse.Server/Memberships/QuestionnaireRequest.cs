namespace Gatehouse.Server.Memberships;

/// <summary>Record a questionnaire's result for one local day.</summary>
public sealed record QuestionnaireRequest(DateOnly? Day, bool? Passed);
