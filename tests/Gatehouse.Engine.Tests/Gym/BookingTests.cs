using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

// R-GYM-16: a booking admits from start + start offset (negative) until end + end offset, both exact to the minute.
public sealed class BookingTests
{
    private static readonly DateTimeOffset ClassStart = World.Now.AddHours(2);

    private static World BookingWorld() => new World().Advanced(a => a with
    {
        AllowAccessWithBooking = true,
        AllowAccessWithChildBooking = true,
        BookingStartOffsetMinutes = -15,
        BookingEndOffsetMinutes = 15,
        FacilityBookingStartOffsetMinutes = -10,
        FacilityBookingEndOffsetMinutes = 5,
    });

    [Theory]
    [InlineData(BookingKind.ClassSession, -16, ReasonCode.NoValidContract)]
    [InlineData(BookingKind.ClassSession, -15, null)]
    [InlineData(BookingKind.ClassSession, 60 + 14, null)]
    [InlineData(BookingKind.ClassSession, 60 + 15, ReasonCode.NoValidContract)]
    [InlineData(BookingKind.Child, -15, null)]
    [InlineData(BookingKind.Child, -16, ReasonCode.NoValidContract)]
    [InlineData(BookingKind.Facility, -11, ReasonCode.NoValidContract)]
    [InlineData(BookingKind.Facility, -10, null)]
    [InlineData(BookingKind.Facility, 60 + 4, null)]
    [InlineData(BookingKind.Facility, 60 + 5, ReasonCode.NoValidContract)]
    // R-GYM-16
    public void Booking_admits_within_its_offsets_R_GYM_16(BookingKind kind, int minutesFromStart, ReasonCode? expected)
    {
        var world = BookingWorld();
        var anna = world.Person();
        anna.Booking(anna.NewBooking(kind, ClassStart));

        var decision = world.Scan("card-1", ClassStart.AddMinutes(minutesFromStart));

        Expect.Only(decision, expected);
        Assert.Equal(expected is null ? VisitReasonKind.Booking : VisitReasonKind.None, decision.VisitReason.Kind);
    }

    [Theory]
    [InlineData(false, true, BookingKind.ClassSession)]
    [InlineData(true, false, BookingKind.Child)]
    // R-GYM-16
    public void Booking_kinds_need_their_own_switch_R_GYM_16(bool withBooking, bool withChildBooking, BookingKind kind)
    {
        var world = new World().Advanced(a => a with { AllowAccessWithBooking = withBooking, AllowAccessWithChildBooking = withChildBooking });
        var anna = world.Person();
        anna.Booking(anna.NewBooking(kind, ClassStart));

        Expect.Denied(world.Scan("card-1", ClassStart), ReasonCode.NoValidContract);
    }

    [Fact]
    // R-GYM-16
    public void Cancelled_or_used_or_other_club_bookings_do_not_admit_R_GYM_16()
    {
        var world = BookingWorld();
        var anna = world.Person();
        anna.Booking(anna.NewBooking(BookingKind.ClassSession, ClassStart) with { Cancelled = true })
            .Booking(anna.NewBooking(BookingKind.Facility, ClassStart) with { Used = true })
            .Booking(anna.NewBooking(BookingKind.ClassSession, ClassStart, site: World.OtherClub));

        Expect.Denied(world.Scan("card-1", ClassStart), ReasonCode.NoValidContract);
    }

    [Fact]
    // R-GYM-16, R-GYM-21
    public void Facility_booking_is_marked_used_on_grant_R_GYM_16_R_GYM_21()
    {
        var world = BookingWorld().Actions(a => a with { MarkFacilityBookingUsage = true });
        var anna = world.Person();
        var court = anna.NewBooking(BookingKind.Facility, ClassStart, name: "Squash court");
        anna.Booking(court);

        var decision = world.Scan("card-1", ClassStart);

        Expect.Granted(decision);
        Assert.Equal(court.Id, decision.BookingToMark);
        Assert.True(decision.Actions.HasFlag(DecisionActions.MarkFacilityBookingUsage));
        Assert.Equal("Squash court", decision.VisitReason.Display);
    }
}
