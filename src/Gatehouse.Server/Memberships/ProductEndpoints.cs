using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Memberships;

/// <summary>A person's entrance products (R-GYM-07) and questionnaire results (R-EMP-04): both decide scans, so both are written through the index.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{personId:long}").WithTags("Entrance products and questionnaires").RequireAuthorization(StaffPolicies.Staff);
        people.MapGet("/products", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListProductsAsync(s.Organization, new PersonId(personId), ct)).Select(ProductDto.From).ToArray()));
        people.MapPost("/products", CreateAsync).WithSummary("Sell an entrance product: entries into zones of the given types (R-GYM-07).");
        people.MapGet("/questionnaires", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListQuestionnairesAsync(s.Organization, new PersonId(personId), ct)).Select(QuestionnaireDto.From).ToArray()));
        people.MapPost("/questionnaires", AnswerAsync).WithSummary("Record a health and safety questionnaire for one day (R-EMP-04).");

        var group = app.MapGroup("/api/v1").WithTags("Entrance products and questionnaires").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/products/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            StoreErrors.Found(await st.GetProductAsync(s.Organization, new EntranceProductId(id), ct), "product", id, ProductDto.From));
        group.MapPut("/products/{id:long}", UpdateAsync).WithSummary("Replace a product, e.g. top up its entries.");
        group.MapDelete("/products/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeleteProductAsync(s.Organization, new EntranceProductId(id), ct)).Reply("product"));
        group.MapDelete("/questionnaires/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeleteQuestionnaireAsync(s.Organization, new QuestionnaireId(id), ct)).Reply("questionnaire"));
        return app;
    }

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> CreateAsync(long personId, ProductRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var product = ToProduct(request, new PersonId(personId), default);
        return product.Error is { } error ? error.ToProblem() : (await store.AddProductAsync(staff.Organization, product.Value!, ct)).Reply("person", ProductDto.From);
    }

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> UpdateAsync(long id, ProductRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var current = await store.GetProductAsync(staff.Organization, new EntranceProductId(id), ct);
        if (current is null)
        {
            return StoreErrors.NotFound("product", id);
        }

        var product = ToProduct(request, current.Person, current.Id);
        if (product.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateProductAsync(staff.Organization, product.Value!, ct);
        return result.IsOk ? TypedResults.Ok(ProductDto.From(product.Value!)) : result.ToApiError("product").ToProblem();
    }

    private static async Task<Results<Ok<QuestionnaireDto>, ProblemHttpResult>> AnswerAsync(long personId, QuestionnaireRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var result = request.ToResult(new PersonId(personId));
        return result.Error is { } error ? error.ToProblem() : (await store.AddQuestionnaireAsync(staff.Organization, result.Value!, ct)).Reply("person", QuestionnaireDto.From);
    }

    private static ApiResult<EntranceProduct> ToProduct(ProductRequest r, PersonId person, EntranceProductId id)
    {
        if (Validate.Name(r.Name, "name") is { } invalid)
        {
            return invalid;
        }

        if (r.ZoneTypes is not { Count: > 0 } zoneTypes)
        {
            return ApiError.Field("zoneTypes", "zoneTypes needs at least one zone type (e.g. Sauna).");
        }

        if (r.RemainingEntries is not { } entries || entries < 0)
        {
            return ApiError.Field("remainingEntries", r.RemainingEntries is null ? "remainingEntries is required." : $"remainingEntries cannot be negative ({r.RemainingEntries}).");
        }

        TimeWindow? validity = null;
        if (r.ValidFrom is not null || r.ValidUntil is not null)
        {
            var window = Validate.Window(r.ValidFrom, r.ValidUntil, "valid");
            if (window.Error is { } error)
            {
                return error;
            }

            validity = window.Value;
        }

        return new EntranceProduct(id, person, r.Name!.Trim(), [.. zoneTypes.Distinct()], entries, validity);
    }
}
