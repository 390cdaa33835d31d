using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Memberships;

/// <summary>Invoices and balances: what debt and POS checks read (R-GYM-02, R-GYM-03, R-GYM-04).</summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{personId:long}").WithTags("Invoices and balances").RequireAuthorization(StaffPolicies.Staff);
        people.MapGet("/invoices", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListInvoicesAsync(s.Organization, new PersonId(personId), ct)).Select(InvoiceDto.From).ToArray()));
        people.MapPost("/invoices", CreateAsync);
        people.MapPut("/invoices/{id:long}", UpdateAsync).WithSummary("Mark paid, payment in progress, cancelled, …");
        people.MapGet("/balances", GetBalancesAsync);
        people.MapPut("/balances", async (long personId, BalancesDto request, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
        {
            var result = await st.SetBalancesAsync(s.Organization, new PersonId(personId), new Balances(request.Pos, request.Account), ct);
            return result.IsOk ? (Results<Ok<BalancesDto>, ProblemHttpResult>)TypedResults.Ok(request) : result.ToApiError("person").ToProblem();
        });

        var group = app.MapGroup("/api/v1/invoices").WithTags("Invoices and balances").RequireAuthorization(StaffPolicies.Staff);
        group.MapDelete("/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeleteInvoiceAsync(s.Organization, new InvoiceId(id), ct)).Reply("invoice"));
        return app;
    }

    private static async Task<Results<Ok<BalancesDto>, ProblemHttpResult>> GetBalancesAsync(long personId, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var balances = await store.GetBalancesAsync(staff.Organization, new PersonId(personId), ct);
        return balances is { } b ? TypedResults.Ok(new BalancesDto(b.Pos, b.Account)) : StoreErrors.NotFound("person", personId);
    }

    private static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> CreateAsync(long personId, InvoiceRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var invoice = ToInvoice(request, new PersonId(personId), default);
        return invoice.Error is { } error ? error.ToProblem() : (await store.AddInvoiceAsync(staff.Organization, invoice.Value!, ct)).Reply("person", InvoiceDto.From);
    }

    private static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> UpdateAsync(long personId, long id, InvoiceRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var invoice = ToInvoice(request, new PersonId(personId), new InvoiceId(id));
        if (invoice.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateInvoiceAsync(staff.Organization, invoice.Value!, ct);
        return result.IsOk ? TypedResults.Ok(InvoiceDto.From(invoice.Value!)) : result.ToApiError("invoice").ToProblem();
    }

    private static ApiResult<Invoice> ToInvoice(InvoiceRequest r, PersonId person, InvoiceId id)
    {
        if (r.Amount < 0)
        {
            return ApiError.Field("amount", "The amount cannot be negative.");
        }

        if (r.DueAt is null)
        {
            return ApiError.Field("dueAt", "dueAt is required.");
        }

        return new Invoice(id, person, r.Amount, r.DueAt.Value, r.Status, r.Payer,
            r.ContractId is { } c ? new ContractId(c) : null, r.BookingId is { } b ? new BookingId(b) : null);
    }
}
