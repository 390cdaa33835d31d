using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>A health and safety questionnaire answered for one local day (R-EMP-04).</summary>
public sealed record QuestionnaireDto(long Id, long PersonId, DateOnly Date, bool Passed)
{
    public static QuestionnaireDto From(QuestionnaireResult q) => new(q.Id.Value, q.Person.Value, q.Day, q.Passed);
}
