using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;
using static Gatehouse.Engine.Tests.Office.Office;

namespace Gatehouse.Engine.Tests.Office;

public sealed class VisitorTests
{
    private static readonly DateTimeOffset InMeeting = Meeting.From.AddMinutes(10);

    // R-VIS-03: the category's level decides where a visitor may go.
    [Theory]
    [InlineData(2L, null)]                             // standard visitor
    [InlineData(3L, null)]                             // contractor
    // R-VIS-03
    public void Both_categories_reach_the_meeting_floor_R_VIS_03(long level, ReasonCode? expected)
    {
        var world = Build();
        world.Visitor("v-1", new AccessLevelId(level), checkedIn: World.Now);

        Expect.Only(world.Scan(Invitation("v-1"), InMeeting, Floor5Door), expected);
    }

    [Theory]
    [InlineData(2L, ReasonCode.ZoneNotInAccessLevel)]
    [InlineData(3L, null)]
    // R-VIS-03, R-VIS-11
    public void Only_contractors_may_park_R_VIS_03_R_VIS_11(long level, ReasonCode? expected)
    {
        var world = Build();
        world.Visitor("v-1", new AccessLevelId(level), checkedIn: World.Now);

        var decision = world.Scan(Invitation("v-1"), InMeeting, ParkingBarrier);

        Expect.Only(decision, expected);
        Assert.Equal(Parking, decision.Zone);
    }

    // R-VIS-11: elevator floors work like doors (destination dispatch).
    [Fact]
    // R-VIS-11
    public void Elevator_serves_only_the_levels_floors_R_VIS_11()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, checkedIn: World.Now);

        Expect.Granted(world.Scan(Invitation("v-1"), InMeeting, Elevator5Panel));
        Expect.Denied(world.Scan(Invitation("v-1"), InMeeting, Elevator6Panel), ReasonCode.ZoneNotInAccessLevel);
    }

    // R-VIS-04: an inactive QR works nowhere but at the check-in point, where the scan activates it.
    [Fact]
    // R-VIS-04, R-VIS-06
    public void Inactive_qr_works_only_at_the_check_in_point_R_VIS_04_R_VIS_06()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, flags: CredentialFlags.InactiveUntilCheckIn);

        Expect.Denied(world.Scan(Invitation("v-1"), World.Now, LobbyDoor), ReasonCode.CredentialInactiveUntilCheckIn);
        var checkIn = world.Scan(Invitation("v-1"), World.Now, Kiosk);

        Expect.Granted(checkIn);
        Assert.True(checkIn.Actions.HasFlag(DecisionActions.VisitorCheckIn));
        Assert.Equal(new VisitReason(VisitReasonKind.Visitor, null, "Visitor"), checkIn.VisitReason);
    }

    [Fact]
    // R-VIS-04
    public void Checked_in_visitor_qr_is_active_R_VIS_04()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, checkedIn: World.Now, flags: CredentialFlags.InactiveUntilCheckIn);

        Expect.Granted(world.Scan(Invitation("v-1"), InMeeting, Floor5Door));
    }

    // R-VIS-05: before check-in the pre-check-in level; after it, the category's level for the meeting's window.
    [Fact]
    // R-VIS-05
    public void Pre_check_in_level_opens_the_outer_doors_only_R_VIS_05()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, preCheckIn: PreCheckIn);

        Expect.Granted(world.Scan(Invitation("v-1"), World.Now, LobbyDoor));
        Expect.Denied(world.Scan(Invitation("v-1"), InMeeting, Floor5Door), ReasonCode.VisitorNotCheckedIn);
    }

    [Theory]
    [InlineData(-1, ReasonCode.OutsideMeetingWindow)]
    [InlineData(0, null)]
    [InlineData(119, null)]
    [InlineData(120, ReasonCode.OutsideMeetingWindow)]
    // R-VIS-05
    public void Check_in_raises_the_level_for_the_meeting_window_R_VIS_05(int minutesFromStart, ReasonCode? expected)
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, preCheckIn: PreCheckIn, checkedIn: World.Now);

        Expect.Only(world.Scan(Invitation("v-1"), Meeting.From.AddMinutes(minutesFromStart), Floor5Door), expected);
    }

    [Fact]
    // R-VIS-05
    public void Checked_in_visitor_keeps_the_pre_check_in_doors_outside_the_window_R_VIS_05()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, preCheckIn: PreCheckIn, checkedIn: World.Now);

        Expect.Granted(world.Scan(Invitation("v-1"), World.Now, LobbyDoor));
    }

    [Fact]
    // R-VIS-05
    public void Check_in_after_the_meeting_is_refused_R_VIS_05()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor);

        Expect.Denied(world.Scan(Invitation("v-1"), Meeting.Until, Kiosk), ReasonCode.OutsideMeetingWindow);
    }

    // R-VIS-06: a reader that reports its direction checks visitors in and out.
    [Theory]
    [InlineData(Direction.In, false, DecisionActions.VisitorCheckIn)]
    [InlineData(Direction.Out, true, DecisionActions.VisitorCheckOut)]
    // R-VIS-06
    public void Reporting_reader_checks_in_and_out_R_VIS_06(Direction direction, bool checkedIn, DecisionActions expected)
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, checkedIn: checkedIn ? World.Now : null);

        var decision = world.Scan(Invitation("v-1"), InMeeting, ExitReader, reported: direction);

        Expect.Granted(decision);
        Assert.Equal(DecisionActions.LogEvent | expected, decision.Actions);
    }

    [Fact]
    // R-VIS-06
    public void Checked_out_visitor_cannot_come_back_in_R_VIS_06()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, checkedIn: World.Now)
            .With(e => e with { Visitor = e.Visitor! with { CheckedOutAt = World.Now.AddMinutes(5) } });

        Expect.Denied(world.Scan(Invitation("v-1"), InMeeting, Floor5Door), ReasonCode.VisitorNotCheckedIn);
    }

    [Fact]
    // R-VIS-06
    public void Plain_door_does_not_check_visitors_in_R_VIS_06()
    {
        var world = Build();
        world.Visitor("v-1", StandardVisitor, preCheckIn: PreCheckIn);

        Assert.Equal(DecisionActions.LogEvent, world.Scan(Invitation("v-1"), World.Now, LobbyDoor).Actions);
    }
}
