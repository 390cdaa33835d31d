using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Studio;

public sealed class StudioTests
{
    private static readonly GeoPoint Door = new(52.2297, 21.0122);

    private static World Desk() => new World()
        .UseLogic(_ => AccessLogicPresets.StudioFrontDesk(World.GateLogic, World.Org, World.Now))
        .ChangeGate(d => d with { Mode = EntryMode.Manual, Kind = DeviceKind.FrontDesk });

    private static World AutomaticDoor() => new World()
        .UseLogic(_ => AccessLogicPresets.StudioDoor(World.GateLogic, World.Org, World.Now))
        .ChangeGate(d => d with { Mode = EntryMode.Automatic, Kind = DeviceKind.Door, GeofenceRadiusMeters = 50, Position = Door });

    // R-STU-01: the same checks in both modes; only what a warning does differs.
    [Fact]
    // R-STU-01
    public void Same_checks_in_manual_and_automatic_mode_R_STU_01()
    {
        foreach (var world in new[] { Desk(), AutomaticDoor() })
        {
            world.Person("card-1").Contract();
            world.Person("card-2");
            world.Person("card-3").Contract().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

            Expect.Granted(world.Scan("card-1", position: Door));
            Expect.Denied(world.Scan("card-2", position: Door), ReasonCode.NoValidContract);
            Expect.Warning(world.Scan("card-3", position: Door), ReasonCode.RecentPictureChange);
        }
    }

    [Fact]
    // R-STU-01, R-STU-06
    public void Manual_warning_awaits_staff_R_STU_01_R_STU_06()
    {
        var world = Desk();
        world.Person().Contract().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

        var decision = world.Scan("card-1");

        Expect.Warning(decision, ReasonCode.RecentPictureChange);
        Assert.True(decision.AwaitsStaff);
        Assert.Equal(EntryMode.Manual, decision.Mode);
    }

    // R-STU-07: until the receptionist allows entry, nothing happens but the listing: a refused member is not present.
    [Fact]
    // R-STU-07
    public void Manual_warning_holds_back_presence_until_staff_allow_R_STU_07()
    {
        var world = Desk();
        world.Person().Contract().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

        var decision = world.Scan("card-1");

        Expect.Warning(decision, ReasonCode.RecentPictureChange);
        Assert.Equal(DecisionActions.None, decision.Actions & ~(DecisionActions.LogEvent | DecisionActions.NotifyFrontDesk | DecisionActions.OpenProfileAtFrontDesk));
        Assert.True(decision.Actions.HasFlag(DecisionActions.LogEvent));
    }

    [Fact]
    // R-STU-07
    public void Manual_grant_without_warnings_applies_presence_at_once_R_STU_07()
    {
        var world = Desk();
        world.Person().Contract();

        var decision = world.Scan("card-1");

        Expect.Granted(decision);
        Assert.True(decision.Actions.HasFlag(DecisionActions.AddPresence)); // the studio desk preset adds presence
    }

    // R-STU-08: the automatic door opens; the event is stored with warning status and the warnings.
    [Fact]
    // R-STU-08
    public void Automatic_door_opens_on_warning_and_records_it_R_STU_08()
    {
        var world = AutomaticDoor();
        world.Person().Contract().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

        var decision = world.Scan("card-1", position: Door);

        Expect.Warning(decision, ReasonCode.RecentPictureChange);
        Assert.False(decision.AwaitsStaff);
        Assert.True(decision.LetsIn);
        Assert.True(decision.Actions.HasFlag(DecisionActions.LogEvent));
        Assert.True(decision.Actions.HasFlag(DecisionActions.AddPresence));
    }

    // R-STU-02: at a desk, the pass or booking must be usable at the receptionist's establishment.
    [Theory]
    [InlineData(10, null)]
    [InlineData(11, ReasonCode.NotValidAtThisEstablishment)]
    // R-STU-02
    public void Desk_checks_the_receptionists_establishment_R_STU_02(long deskSite, ReasonCode? expected)
    {
        var world = Desk();
        world.Person().Contract(c => c with { Sites = [World.Club] });

        Expect.Only(world.Scan("card-1", deskSite: new SiteId(deskSite)), expected);
    }

    [Fact]
    // R-STU-02, R-STU-05
    public void Booking_at_the_desks_establishment_admits_with_a_warning_R_STU_02_R_STU_05()
    {
        var world = Desk();
        var anna = world.Person();
        var session = anna.NewBooking(BookingKind.ClassSession, World.Now.AddMinutes(20), site: World.OtherClub);
        anna.Booking(session);

        Expect.Denied(world.Scan("card-1", deskSite: World.Club), ReasonCode.NoValidContract, ReasonCode.SessionAtOtherEstablishment);
        var decision = world.Scan("card-1", deskSite: World.OtherClub);
        Expect.Warning(decision, ReasonCode.SessionAtOtherEstablishment, ReasonCode.BookingWithoutPass);
        Assert.Equal(session.Name, decision.VisitReason.Name);
    }

    // R-STU-03: the phone must be inside the door's radius.
    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.0004, null)]                        // about 44 m north
    [InlineData(0.0005, ReasonCode.OutsideGeofence)] // about 56 m north
    // R-STU-03
    public void Phone_must_be_inside_the_geofence_R_STU_03(double northDegrees, ReasonCode? expected)
    {
        var world = AutomaticDoor();
        world.Person().Contract();

        Expect.Only(world.Scan("card-1", position: Door with { Latitude = Door.Latitude + northDegrees }), expected);
    }

    [Fact]
    // R-STU-03
    public void Missing_position_is_refused_at_a_geofenced_door_R_STU_03()
    {
        var world = AutomaticDoor();
        world.Person().Contract();

        Expect.Denied(world.Scan("card-1"), ReasonCode.PositionMissing);
    }

    // R-STU-04: validity on the check-in date, not blocked, not reverted, not paused, inside days and hours.
    [Fact]
    // R-STU-04
    public void Pass_reverted_by_a_cancelled_invoice_does_not_admit_R_STU_04()
    {
        var world = AutomaticDoor();
        world.Person()
            .Contract(c => c with { Invoice = new InvoiceId(9) })
            .Invoice(new Invoice(new InvoiceId(9), default, 100m, World.Now.AddDays(-20), InvoiceStatus.Cancelled));

        Expect.Denied(world.Scan("card-1", position: Door), ReasonCode.ContractReverted);
    }

    [Theory]
    [InlineData("2026-03-04T00:00:00", null)]
    [InlineData("2026-03-03T23:59:59", ReasonCode.ContractNotStarted)]
    [InlineData("2026-03-31T23:59:59", null)]
    [InlineData("2026-04-01T00:00:00", ReasonCode.ContractExpired)]
    // R-STU-04
    public void Pass_is_valid_on_its_local_dates_R_STU_04(string local, ReasonCode? expected)
    {
        var world = AutomaticDoor();
        world.Person().Contract(c => c with { Validity = new TimeWindow(Time.InWarsaw("2026-03-04T00:00:00"), Time.InWarsaw("2026-04-01T00:00:00")) });

        Expect.Only(world.Scan("card-1", Time.InWarsaw(local), position: Door), expected);
    }

    [Theory]
    [InlineData(ContractStatus.Blocked, ReasonCode.ContractBlocked)]
    [InlineData(ContractStatus.Reverted, ReasonCode.ContractReverted)]
    // R-STU-04
    public void Blocked_or_reverted_pass_does_not_admit_R_STU_04(ContractStatus status, ReasonCode expected)
    {
        var world = AutomaticDoor();
        world.Person().Contract(c => c with { Status = status });

        Expect.Denied(world.Scan("card-1", position: Door), expected);
    }

    [Fact]
    // R-STU-04
    public void Pass_in_a_paused_subscription_does_not_admit_R_STU_04()
    {
        var world = AutomaticDoor();
        var subscription = new SubscriptionId(4);
        world.Person()
            .Contract(c => c with { Subscription = subscription })
            .With(e => e with { Pauses = [new SubscriptionPause(subscription, TimeWindow.Starting(World.Now, TimeSpan.FromDays(14)))] });

        Expect.Denied(world.Scan("card-1", position: Door), ReasonCode.SubscriptionPaused);
    }

    [Fact]
    // R-STU-04
    public void Off_peak_pass_admits_only_in_its_hours_R_STU_04()
    {
        var world = AutomaticDoor();
        world.Person().Contract(c => c with { Rules = [new AccessRule([], WeekdaySet.Weekdays, new TimeOnly(6, 0), new TimeOnly(9, 0))] });

        Expect.Granted(world.Scan("card-1", Time.InWarsaw("2026-03-04T08:59:59"), position: Door));
        Expect.Denied(world.Scan("card-1", Time.InWarsaw("2026-03-04T09:00:00"), position: Door), ReasonCode.OutsideAllowedHours);
    }

    // R-STU-05: without a pass, a session starting within the buffer admits (with the booking-without-pass warning).
    [Theory]
    [InlineData(31, ReasonCode.NoValidContract)]
    [InlineData(30, ReasonCode.BookingWithoutPass)]
    [InlineData(0, ReasonCode.BookingWithoutPass)]
    [InlineData(-59, ReasonCode.BookingWithoutPass)]
    [InlineData(-60, ReasonCode.NoValidContract)]
    // R-STU-05
    public void Upcoming_booking_admits_within_the_buffer_R_STU_05(int minutesBeforeStart, ReasonCode expected)
    {
        var world = AutomaticDoor();
        var anna = world.Person();
        anna.Booking(anna.NewBooking(BookingKind.ClassSession, World.Now.AddMinutes(minutesBeforeStart)));

        Expect.Only(world.Scan("card-1", position: Door), expected);
    }

    [Fact]
    // R-STU-05
    public void Upcoming_booking_does_not_admit_when_off_R_STU_05()
    {
        var world = AutomaticDoor().Checks(c => c with { AllowUpcomingBooking = false });
        var anna = world.Person();
        anna.Booking(anna.NewBooking(BookingKind.ClassSession, World.Now.AddMinutes(10)));

        Expect.Denied(world.Scan("card-1", position: Door), ReasonCode.NoValidContract);
    }
}
