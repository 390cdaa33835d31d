using System.Text;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Import;

/// <summary><c>POST /api/v1/people/import</c> with a text/csv body (R-OPS-05).</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/people/import", ImportAsync)
            .WithTags("People")
            .RequireAuthorization(StaffPolicies.Administrator)
            .Accepts<string>("text/csv")
            .WithSummary("Import members, passes and credentials from CSV; answers a per-row report of rejected rows and why (R-OPS-05).")
            .WithDescription("Columns (header line required, any order): " + string.Join(",", MemberRow.Columns) + ". first_name and last_name are required.");
        return app;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request, StaffClaims staff, MemberImport import, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiError.Invalid("Send the CSV file as the body with Content-Type: text/csv.").ToProblem();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return TypedResults.Ok(await import.ImportAsync(staff.Organization, reader, ct));
    }
}
