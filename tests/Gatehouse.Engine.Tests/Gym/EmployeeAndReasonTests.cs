using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

public sealed class EmployeeAndReasonTests
{
    private static readonly AccessRule NineToFive = new([], WeekdaySet.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0));

    // R-GYM-12: the logic's employee policy decides for employees (no contract needed unless treated as members).
    [Theory]
    [InlineData(EmployeePolicy.AlwaysAllow, "2026-03-04T23:00:00", null)]
    [InlineData(EmployeePolicy.DuringWorkingHours, "2026-03-04T09:00:00", null)]
    [InlineData(EmployeePolicy.DuringWorkingHours, "2026-03-04T08:59:59", ReasonCode.EmployeeOutsideWorkingHours)]
    [InlineData(EmployeePolicy.DuringWorkingHours, "2026-03-04T17:00:00", ReasonCode.EmployeeOutsideWorkingHours)]
    [InlineData(EmployeePolicy.TreatAsMember, "2026-03-04T10:00:00", ReasonCode.NoValidContract)]
    // R-GYM-12
    public void Employee_policy_decides_for_employees_R_GYM_12(EmployeePolicy policy, string local, ReasonCode? expected)
    {
        var world = new World().Checks(c => c with { EmployeePolicy = policy });
        world.Person(kind: PersonKind.Employee).With(e => e with { Employment = new EmploymentTerms(null, null, [NineToFive]) });

        var decision = world.Scan("card-1", Time.InWarsaw(local));

        Expect.Only(decision, expected);
        Assert.Equal(expected is null ? VisitReasonKind.Employee : VisitReasonKind.None, decision.VisitReason.Kind);
    }

    [Fact]
    // R-GYM-12
    public void Employee_policy_does_not_apply_to_members_R_GYM_12()
    {
        var world = new World().Checks(c => c with { EmployeePolicy = EmployeePolicy.AlwaysAllow });
        world.Person();

        Expect.Denied(world.Scan("card-1"), ReasonCode.NoValidContract);
    }

    // R-GYM-14: entrance reasons chosen at the desk, each behind its own switch.
    [Theory]
    [InlineData(EntranceReason.Custom, VisitReasonKind.CustomReason)]
    [InlineData(EntranceReason.AccompaniedByEmployee, VisitReasonKind.AccompaniedByEmployee)]
    [InlineData(EntranceReason.Guest, VisitReasonKind.Guest)]
    [InlineData(EntranceReason.GuestRegisteredAtPos, VisitReasonKind.Guest)]
    // R-GYM-14
    public void Entrance_reason_admits_only_when_allowed_R_GYM_14(EntranceReason reason, VisitReasonKind kind)
    {
        var closed = new World();
        closed.Person();
        Expect.Denied(closed.Scan("card-1", reason: reason), ReasonCode.EntranceReasonNotAllowed);

        var open = new World().Advanced(a => a with
        {
            AllowCustomReason = true,
            AllowAccessWithEmployee = true,
            AllowGuestEntrance = true,
            AllowGuestEntranceOnPos = true,
        });
        open.Person();
        var decision = open.Scan("card-1", reason: reason);

        Expect.Granted(decision);
        Assert.Equal(kind, decision.VisitReason.Kind);
    }

    [Fact]
    // R-GYM-14
    public void Anonymous_entrance_reason_needs_no_credential_R_GYM_14()
    {
        var world = new World().Advanced(a => a with { AllowCustomReason = true });

        var decision = world.Scan(string.Empty, reason: EntranceReason.Custom);

        Expect.Granted(decision);
        Assert.Null(decision.Person);
        Assert.Null(decision.Credential);
        Assert.Equal(VisitReasonKind.CustomReason, decision.VisitReason.Kind);
    }

    [Fact]
    // R-GYM-14
    public void Guest_profile_enters_when_guest_entrance_is_allowed_R_GYM_14()
    {
        var world = new World().Advanced(a => a with { AllowGuestEntrance = true });
        world.Person(kind: PersonKind.Guest);

        Expect.Granted(world.Scan("card-1"));
    }

    // R-GYM-15: a presence ticked by hand at the desk skips contract checks (and is not a second entry).
    [Theory]
    [InlineData(true, true, null)]
    [InlineData(true, false, ReasonCode.AlreadyPresent)]
    [InlineData(false, true, ReasonCode.NoValidContract)]
    // R-GYM-15
    public void Presence_marked_at_the_desk_skips_membership_validation_R_GYM_15(bool byStaff, bool skips, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckLackOfPresence = true })
            .Advanced(a => a with { PresenceSkipsMembershipValidation = skips });
        world.Person().Present(byStaff: byStaff);

        var codes = world.Scan("card-1").Reasons.ToArray();

        if (expected is null)
        {
            Assert.Empty(codes);
        }
        else
        {
            Assert.Contains(expected.Value, codes);
        }
    }

    [Fact]
    // R-GYM-15
    public void Staff_presence_grants_as_manual_presence_R_GYM_15()
    {
        var world = new World().Advanced(a => a with { PresenceSkipsMembershipValidation = true });
        world.Person().Present(byStaff: true);

        var decision = world.Scan("card-1");

        Expect.Granted(decision);
        Assert.Equal(VisitReasonKind.ManualPresence, decision.VisitReason.Kind);
    }
}
