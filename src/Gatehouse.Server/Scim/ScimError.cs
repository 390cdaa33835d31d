using System.Globalization;
using Gatehouse.Server.Problems;

namespace Gatehouse.Server.Scim;

/// <summary>
/// A SCIM error (RFC 7644 §3.12). Identity providers parse this schema, not RFC 9457 problem details, so SCIM
/// endpoints map the same <see cref="ApiError"/> values here instead of through <see cref="ProblemMapper"/>.
/// </summary>
public sealed record ScimError(IReadOnlyList<string> Schemas, string Status, string? ScimType, string Detail)
{
    public int StatusCode => int.Parse(Status, CultureInfo.InvariantCulture);

    public static ScimError Of(int status, string detail, string? scimType = null) =>
        new([ScimSchemas.Error], status.ToString(CultureInfo.InvariantCulture), scimType, detail);

    public static ScimError From(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            ApiError.NotFound => Of(StatusCodes.Status404NotFound, error.Detail),
            ApiError.Conflict => Of(StatusCodes.Status409Conflict, error.Detail, "uniqueness"),
            ApiError.Unauthorized => Of(StatusCodes.Status401Unauthorized, error.Detail),
            ApiError.Forbidden => Of(StatusCodes.Status403Forbidden, error.Detail),
            _ => Of(StatusCodes.Status400BadRequest, error.Detail, "invalidValue"),
        };
    }
}
