using Gatehouse.Engine.Model;
using Gatehouse.Server.Problems;

namespace Gatehouse.Server.Memberships;

/// <summary>A health and safety questionnaire's result for one local day (R-EMP-04): both fields are required.</summary>
public sealed record QuestionnaireRequest(DateOnly? Date, bool? Passed)
{
    public ApiResult<QuestionnaireResult> ToResult(PersonId person) =>
        Date is not { } date ? ApiError.Field("date", "date (yyyy-MM-dd) is required.")
        : Passed is not { } passed ? ApiError.Field("passed", "passed (true or false) is required.")
        : new QuestionnaireResult(default, person, date, passed);
}
