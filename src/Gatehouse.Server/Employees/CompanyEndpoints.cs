using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Employees;

/// <summary>Companies (tenants) and their one shared access level (R-EMP-03).</summary>
public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/companies").WithTags("Companies").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(StaffPolicies.Administrator)
            .WithSummary("Rename the company or change the level all its employees share.");
        return app;
    }

    private static async Task<Ok<CompanyDto[]>> ListAsync(StaffClaims staff, IVisitorStore directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.ListCompaniesAsync(staff.Organization, ct)).Select(CompanyDto.From).ToArray());

    private static async Task<Results<Created<CompanyDto>, ProblemHttpResult>> CreateAsync(CompanyRequest request, StaffClaims staff, IVisitorStore directory, IGatehouseStore store, CancellationToken ct)
    {
        if (await CheckAsync(request, staff.Organization, store, ct) is { } error)
        {
            return error.ToProblem();
        }

        var company = await directory.AddCompanyAsync(new Company(default, staff.Organization, request.Name.Trim(), Level(request)), ct);
        return TypedResults.Created($"/api/v1/companies/{company.Id}", CompanyDto.From(company));
    }

    private static async Task<Results<Ok<CompanyDto>, ProblemHttpResult>> UpdateAsync(long id, CompanyRequest request, StaffClaims staff, IVisitorStore directory, IGatehouseStore store, CancellationToken ct)
    {
        if (await CheckAsync(request, staff.Organization, store, ct) is { } error)
        {
            return error.ToProblem();
        }

        var company = new Company(new CompanyId(id), staff.Organization, request.Name.Trim(), Level(request));
        var result = await directory.UpdateCompanyAsync(company, ct);
        return result.IsOk ? TypedResults.Ok(CompanyDto.From(company)) : result.ToApiError("company").ToProblem();
    }

    private static async Task<ApiError?> CheckAsync(CompanyRequest request, OrganizationId organization, IGatehouseStore store, CancellationToken ct)
    {
        if (Validate.Name(request.Name, "name") is { } invalid)
        {
            return invalid;
        }

        return request.LevelId is { } level && await store.GetLevelAsync(organization, new AccessLevelId(level), ct) is null
            ? new ApiError.NotFound("access level", level.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static AccessLevelId? Level(CompanyRequest request) => request.LevelId is { } level ? new AccessLevelId(level) : null;
}
