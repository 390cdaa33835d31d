using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Scim;

/// <summary>Administrators create and rotate the organization's SCIM bearer token (R-EMP-06).</summary>
public static class ScimTokenEndpoints
{
    public static IEndpointRouteBuilder MapScimTokenAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/scim/token", RotateAsync).WithTags("SCIM 2.0").RequireAuthorization(StaffPolicies.Administrator)
            .WithSummary("Create or rotate the organization's SCIM token; the old one stops working at once.");
        return app;
    }

    private static async Task<Results<Ok<ScimTokenDto>, ProblemHttpResult>> RotateAsync(
        ScimTokenRequest request, StaffClaims staff, IVisitorStore directory, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        CompanyId? company = request.CompanyId is { } id ? new CompanyId(id) : null;
        if (company is { } c && await directory.GetCompanyAsync(staff.Organization, c, ct) is null)
        {
            return StoreErrors.NotFound("company", c.Value);
        }

        var token = ScimAccess.NewToken();
        var now = time.GetUtcNow();
        await directory.SetScimTokenAsync(staff.Organization, ScimAccess.Hash(token), company, now, ct);
        return TypedResults.Ok(new ScimTokenDto(token, company?.Value, now, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/scim/v2"));
    }
}
