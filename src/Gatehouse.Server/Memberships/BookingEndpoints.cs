using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Memberships;

/// <summary>Sessions and bookings of a person (R-GYM-16, R-STU-05, R-STU-09, R-EMP-04).</summary>
public static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{personId:long}/bookings").WithTags("Bookings").RequireAuthorization(StaffPolicies.Staff);
        people.MapGet("/", async (long personId, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            TypedResults.Ok((await st.ListBookingsAsync(s.Organization, new PersonId(personId), ct)).Select(BookingDto.From).ToArray()));
        people.MapPost("/", CreateAsync);
        people.MapPut("/{id:long}", UpdateAsync);
        people.MapDelete("/{id:long}", async (long personId, long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) =>
            (await st.DeleteBookingAsync(s.Organization, new BookingId(id), ct)).Reply("booking"));
        return app;
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CreateAsync(long personId, BookingRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var booking = ToBooking(request, new PersonId(personId), default);
        return booking.Error is { } error ? error.ToProblem() : (await store.AddBookingAsync(staff.Organization, booking.Value!, ct)).Reply("person", BookingDto.From);
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> UpdateAsync(long personId, long id, BookingRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        var booking = ToBooking(request, new PersonId(personId), new BookingId(id));
        if (booking.Error is { } error)
        {
            return error.ToProblem();
        }

        var result = await store.UpdateBookingAsync(staff.Organization, booking.Value!, ct);
        return result.IsOk ? TypedResults.Ok(BookingDto.From(booking.Value!)) : result.ToApiError("booking").ToProblem();
    }

    private static ApiResult<Booking> ToBooking(BookingRequest r, PersonId person, BookingId id)
    {
        if (Validate.Name(r.Name, "name") is { } invalid)
        {
            return invalid;
        }

        var slot = Validate.Window(r.Start, r.End, "slot");
        if (slot.Error is { } error)
        {
            return error;
        }

        return new Booking(id, person, r.Kind, r.Name!.Trim(), new SiteId(r.SiteId), slot.Value, r.Teacher, r.Spot, r.ZoneTypes, r.Used, r.Cancelled);
    }
}
