using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Memberships;

/// <summary>Contracts / passes and subscription pauses of a person (R-GYM-05, R-GYM-06, R-STU-04).</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{personId:long}").WithTags("Contracts and passes").RequireAuthorization(StaffPolicies.Staff);
        people.MapGet("/contracts", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListContractsAsync(s.Organization, new PersonId(personId), ct)).Select(ContractDto.From).ToArray()));
        people.MapPost("/contracts", CreateAsync);
        people.MapGet("/pauses", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListPausesAsync(s.Organization, new PersonId(personId), ct)).Select(PauseDto.Of).ToArray()));
        people.MapPost("/pauses", PauseAsync).WithSummary("Pause a subscription: its passes stop granting entry for the period (R-STU-04).");

        var group = app.MapGroup("/api/v1").WithTags("Contracts and passes").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/contracts/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            StoreErrors.Found(await st.GetContractAsync(s.Organization, new ContractId(id), ct), "contract", id, ContractDto.From));
        group.MapPut("/contracts/{id:long}", UpdateAsync);
        group.MapDelete("/contracts/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeleteContractAsync(s.Organization, new ContractId(id), ct)).Reply("contract"));
        group.MapDelete("/pauses/{id:long}", async (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeletePauseAsync(s.Organization, id, ct)).Reply("pause"));
        return app;
    }

    private static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> CreateAsync(long personId, ContractRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var contract = ToContract(request, new PersonId(personId), default);
        return contract.Error is { } error ? error.ToProblem() : (await store.AddContractAsync(staff.Organization, contract.Value!, ct)).Reply("person", ContractDto.From);
    }

    private static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> UpdateAsync(long id, ContractRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var current = await store.GetContractAsync(staff.Organization, new ContractId(id), ct);
        if (current is null)
        {
            return StoreErrors.NotFound("contract", id);
        }

        var contract = ToContract(request, current.Person, current.Id);
        if (contract.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateContractAsync(staff.Organization, contract.Value!, ct);
        return result.IsOk ? TypedResults.Ok(ContractDto.From(contract.Value!)) : result.ToApiError("contract").ToProblem();
    }

    private static async Task<Results<Ok<PauseDto>, ProblemHttpResult>> PauseAsync(long personId, PauseRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var period = Validate.Window(request.From, request.Until, "period");
        if (period.Error is { } error)
        {
            return error.ToProblem();
        }

        var pause = new SubscriptionPause(new SubscriptionId(request.SubscriptionId), period.Value);
        return (await store.AddPauseAsync(staff.Organization, new PersonId(personId), pause, ct)).Reply("person", PauseDto.Of);
    }

    private static ApiResult<Contract> ToContract(ContractRequest r, PersonId person, ContractId id)
    {
        if (Validate.Name(r.Name, "name") is { } invalid)
        {
            return invalid;
        }

        var validity = Validate.Window(r.ValidFrom, r.ValidUntil, "valid");
        if (validity.Error is { } error)
        {
            return error;
        }

        return new Contract(
            id, person, r.Name!.Trim(), validity.Value, r.Status, r.IsMain, r.GrantsEntry,
            r.Rules?.Select(rule => rule.ToRule()).ToArray() ?? [AccessRule.Anytime()],
            r.SiteIds?.Select(s => new SiteId(s)).ToArray(),
            r.SubscriptionId is { } sub ? new SubscriptionId(sub) : null,
            r.InvoiceId is { } inv ? new InvoiceId(inv) : null);
    }
}
