using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Decisions;

// R-DEC-06: days, hours and day boundaries are the site's; DST changes do not move opening hours.
public sealed class LocalTimeTests
{
    private static World OpeningHoursWorld()
    {
        var world = new World();
        world.Person().Contract(c => c with { Rules = [new AccessRule([], WeekdaySet.All, new TimeOnly(6, 0), new TimeOnly(22, 0))] });
        return world;
    }

    // Warsaw springs forward on Sunday 29 March 2026 (02:00 CET → 03:00 CEST) and falls back on 25 October.
    [Theory]
    [InlineData("2026-03-28T04:59:59Z", ReasonCode.OutsideAllowedHours)] // 05:59:59 CET
    [InlineData("2026-03-28T05:00:00Z", null)]                           // 06:00 CET
    [InlineData("2026-03-29T03:59:59Z", ReasonCode.OutsideAllowedHours)] // 05:59:59 CEST, the DST day
    [InlineData("2026-03-29T04:00:00Z", null)]                           // 06:00 CEST
    [InlineData("2026-03-29T19:59:59Z", null)]                           // 21:59:59 CEST
    [InlineData("2026-03-29T20:00:00Z", ReasonCode.OutsideAllowedHours)] // 22:00 CEST
    [InlineData("2026-10-25T04:59:59Z", ReasonCode.OutsideAllowedHours)] // 05:59:59 CET, the day it falls back
    [InlineData("2026-10-25T05:00:00Z", null)]                           // 06:00 CET
    [InlineData("2026-10-24T04:00:00Z", null)]                           // 06:00 CEST the day before
    [InlineData("2026-10-25T20:59:59Z", null)]                           // 21:59:59 CET
    [InlineData("2026-10-25T21:00:00Z", ReasonCode.OutsideAllowedHours)] // 22:00 CET
    // R-DEC-06
    public void Opening_hours_stay_on_the_local_clock_across_DST_R_DEC_06(string utc, ReasonCode? expected)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Expect.Only(OpeningHoursWorld().Scan("card-1", at), expected);
    }

    [Fact]
    // R-DEC-06
    public void Weekday_is_the_sites_not_UTC_R_DEC_06()
    {
        var world = new World();
        world.Person().Contract(c => c with { Rules = [new AccessRule([], WeekdaySet.Of(DayOfWeek.Saturday), TimeOnly.MinValue, TimeOnly.MinValue)] });

        // 23:30 UTC on Friday 6 March is 00:30 on Saturday in Warsaw.
        Expect.Granted(world.Scan("card-1", new DateTimeOffset(2026, 3, 6, 23, 30, 0, TimeSpan.Zero)));
        Expect.Denied(world.Scan("card-1", new DateTimeOffset(2026, 3, 6, 22, 59, 59, TimeSpan.Zero)), ReasonCode.OutsideAllowedHours);
    }

    [Fact]
    // R-DEC-06, R-STU-09
    public void Next_booking_is_of_the_sites_local_day_R_DEC_06_R_STU_09()
    {
        var world = new World();
        var anna = world.Person().Contract();
        var tonight = anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-04T23:30:00"), name: "Late yoga");
        var tomorrow = anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-05T00:30:00"), name: "Midnight run");
        anna.Booking(tomorrow).Booking(tonight);

        Assert.Equal(tonight, world.Scan("card-1").NextBooking);
        Assert.Equal(tomorrow, world.Scan("card-1", Time.InWarsaw("2026-03-05T00:45:00")).NextBooking);
        Assert.Null(world.Scan("card-1", Time.InWarsaw("2026-03-05T01:30:00")).NextBooking);
    }
}
