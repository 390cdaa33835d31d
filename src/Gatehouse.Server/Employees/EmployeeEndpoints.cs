using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Memberships;
using Gatehouse.Server.Problems;
using Gatehouse.Server.Visitors;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Employees;

/// <summary>
/// Employees (R-EMP-01…05): create (or link), read, rotating-QR enrolment shown once, office-day bookings and
/// questionnaires for conditional access. Ids are person ids.
/// </summary>
public static class EmployeeEndpoints
{
    public static IEndpointRouteBuilder MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/employees").WithTags("Employees").RequireAuthorization(StaffPolicies.Staff);
        group.MapPost("/", CreateAsync).RequireAuthorization(StaffPolicies.Administrator)
            .WithSummary("Create an employee with the company's level and a rotating QR, or link an existing profile by email (R-EMP-01/05).");
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/{id:long}/enrolment", EnrolAsync).WithSummary("The TOTP secret as otpauth:// URI and QR PNG, once (R-EMP-02).");
        group.MapPost("/{id:long}/enrolment/reset", ResetAsync).RequireAuthorization(StaffPolicies.Administrator)
            .WithSummary("Issue a new secret: the old codes stop working, the new secret can be revealed once.");
        group.MapPost("/{id:long}/office-days", BookOfficeDayAsync).WithSummary("Book an office day at a site (R-EMP-04).");
        group.MapPost("/{id:long}/questionnaires", AnswerQuestionnaireAsync).WithSummary("Record a questionnaire result for a day (R-EMP-04).");
        return app;
    }

    private static async Task<Results<Created<EmployeeDto>, ProblemHttpResult>> CreateAsync(EmployeeRequest request, StaffClaims staff, EmployeeProvisioning provisioning, CancellationToken ct)
    {
        var result = await provisioning.ProvisionAsync(staff.Organization, request, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Created($"/api/v1/employees/{result.Value!.PersonId}", result.Value);
    }

    private static async Task<Results<Ok<EmployeeDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, EmployeeProvisioning provisioning, CancellationToken ct) =>
        await store.GetPersonAsync(staff.Organization, new PersonId(id), ct) is { } person
            ? TypedResults.Ok(await provisioning.ViewAsync(person, ct))
            : StoreErrors.NotFound("employee", id);

    private static async Task<Results<Ok<EnrolmentDto>, ProblemHttpResult>> EnrolAsync(long id, StaffClaims staff, RotatingQrEnrolment enrolment, CancellationToken ct)
    {
        var result = await enrolment.RevealAsync(staff.Organization, new PersonId(id), ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<Ok<EmployeeDto>, ProblemHttpResult>> ResetAsync(long id, StaffClaims staff, IGatehouseStore store, EmployeeProvisioning provisioning, CancellationToken ct)
    {
        if (await store.GetPersonAsync(staff.Organization, new PersonId(id), ct) is not { Kind: PersonKind.Employee } person)
        {
            return StoreErrors.NotFound("employee", id);
        }

        return await provisioning.IssueRotatingQrAsync(staff.Organization, person.Id, ct) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await provisioning.ViewAsync(person, ct));
    }

    private static async Task<Results<Created<Booking>, ProblemHttpResult>> BookOfficeDayAsync(long id, OfficeDayRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (await store.GetSiteAsync(staff.Organization, new SiteId(request.SiteId), ct) is not { } site)
        {
            return StoreErrors.NotFound("site", request.SiteId);
        }

        // The whole local day at the site: the engine compares the booking's local day with today's (R-DEC-06).
        var day = new TimeWindow(VisitSchedule.Local(request.Date, TimeOnly.MinValue, site.TimeZone), VisitSchedule.Local(request.Date.AddDays(1), TimeOnly.MinValue, site.TimeZone));
        var booking = new Booking(default, new PersonId(id), BookingKind.OfficeDay, "Office day", site.Id, day);
        var added = await store.AddBookingAsync(staff.Organization, booking, ct);
        return added.IsOk ? TypedResults.Created($"/api/v1/employees/{id}/office-days/{added.Value!.Id}", added.Value) : added.ToResult().ToApiError("employee").ToProblem();
    }

    private static async Task<Results<Created<QuestionnaireDto>, ProblemHttpResult>> AnswerQuestionnaireAsync(
        long id, QuestionnaireRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var result = request.ToResult(new PersonId(id));
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }

        var added = await store.AddQuestionnaireAsync(staff.Organization, result.Value!, ct);
        return added.IsOk ? TypedResults.Created($"/api/v1/people/{id}/questionnaires", QuestionnaireDto.From(added.Value!)) : added.ToResult().ToApiError("employee").ToProblem();
    }
}
