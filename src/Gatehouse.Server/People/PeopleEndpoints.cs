using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.People;

/// <summary>People, their pictures and identity validation (R-STU-07). Every write reaches the access index at once.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(StaffPolicies.Administrator);
        group.MapPost("/{id:long}/picture", ChangePictureAsync).WithSummary("A new profile picture: raises the recent-picture warning until identity is validated (R-STU-06).");
        group.MapGet("/{id:long}/pictures", PicturesAsync).WithSummary("The picture history (R-STU-07).");
        group.MapPost("/{id:long}/validate-identity", ValidateIdentityAsync).WithSummary("Staff compared the pictures: clears the warning (R-STU-07).");
        return app;
    }

    private static async Task<Results<Ok<PersonDto[]>, ProblemHttpResult>> ListAsync(string? search, int? offset, int? limit, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > 1000)
        {
            return ApiError.Field("limit", "offset must be 0 or more and limit 1 to 1000.").ToProblem();
        }

        var people = await store.ListPeopleAsync(staff.Organization, search, offset ?? 0, limit ?? 100, ct);
        return TypedResults.Ok(people.Select(PersonDto.From).ToArray());
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetPersonAsync(staff.Organization, new PersonId(id), ct), "person", id, PersonDto.From);

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> CreateAsync(PersonRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var person = ToPerson(request, staff.Organization, default);
        return person.Error is { } error ? error.ToProblem() : (await store.AddPersonAsync(person.Value!, ct)).Reply("person", PersonDto.From);
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> UpdateAsync(long id, PersonRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var person = ToPerson(request, staff.Organization, new PersonId(id));
        if (person.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdatePersonAsync(person.Value!, ct);
        return result.IsOk
            ? StoreErrors.Found(await store.GetPersonAsync(staff.Organization, new PersonId(id), ct), "person", id, PersonDto.From)
            : result.ToApiError("person").ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeletePersonAsync(staff.Organization, new PersonId(id), ct)).Reply("person");

    private static async Task<Results<Ok<PictureDto>, ProblemHttpResult>> ChangePictureAsync(long id, PictureRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        Validate.Name(request.ImageReference, "imageReference", 1000) is { } invalid
            ? invalid.ToProblem()
            : (await store.ChangePictureAsync(staff.Organization, new PersonId(id), request.ImageReference!, ct)).Reply("person", PictureDto.From);

    private static async Task<Results<Ok<PictureDto[]>, ProblemHttpResult>> PicturesAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (await store.GetPersonAsync(staff.Organization, new PersonId(id), ct) is null)
        {
            return StoreErrors.NotFound("person", id);
        }

        return TypedResults.Ok((await store.ListPictureHistoryAsync(staff.Organization, new PersonId(id), ct)).Select(PictureDto.From).ToArray());
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> ValidateIdentityAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var result = await store.ValidateIdentityAsync(staff.Organization, new PersonId(id), ct);
        return result.IsOk
            ? StoreErrors.Found(await store.GetPersonAsync(staff.Organization, new PersonId(id), ct), "person", id, PersonDto.From)
            : result.ToApiError("person").ToProblem();
    }

    private static ApiResult<Person> ToPerson(PersonRequest r, OrganizationId org, PersonId id)
    {
        if ((Validate.Name(r.FirstName, "firstName") ?? Validate.Name(r.LastName, "lastName")) is { } invalid)
        {
            return invalid;
        }

        if (r.Email is { } email && (email.Length > 320 || !email.Contains('@', StringComparison.Ordinal)))
        {
            return ApiError.Field("email", "The email address is not valid.");
        }

        return new Person(id, org, r.Kind, r.FirstName!.Trim(), r.LastName!.Trim(), r.Gender, r.CompanyId is { } c ? new CompanyId(c) : null, r.Email, r.Active);
    }
}
