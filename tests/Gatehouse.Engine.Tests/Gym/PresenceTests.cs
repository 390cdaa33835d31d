using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

public sealed class PresenceTests
{
    [Theory]
    [InlineData(true, null)]
    [InlineData(false, ReasonCode.NotPresent)]
    // R-GYM-08
    public void Exit_gate_passes_only_present_people_R_GYM_08(bool present, ReasonCode? expected)
    {
        var world = new World()
            .ChangeGate(d => d with { Direction = DeviceDirection.Out })
            .Checks(c => c with { CheckPresence = true });
        var anna = world.Person();
        if (present)
        {
            anna.Present();
        }

        var decision = world.Scan("card-1");

        Expect.Only(decision, expected);
        Assert.Equal(Direction.Out, decision.Direction);
    }

    [Fact]
    // R-GYM-08
    public void Presence_at_another_club_does_not_count_R_GYM_08()
    {
        var world = new World()
            .ChangeGate(d => d with { Direction = DeviceDirection.Out })
            .Checks(c => c with { CheckPresence = true });
        world.Person().Present(World.OtherClub);

        Expect.Denied(world.Scan("card-1"), ReasonCode.NotPresent);
    }

    [Fact]
    // R-GYM-09
    public void Denies_second_entry_while_present_R_GYM_09()
    {
        var world = new World().Checks(c => c with { CheckLackOfPresence = true });
        var anna = world.Person().Contract();

        Expect.Granted(world.Scan("card-1"));
        anna.Present();
        Expect.Denied(world.Scan("card-1"), ReasonCode.AlreadyPresent);
    }

    [Fact]
    // R-GYM-09
    public void Second_entry_is_allowed_when_anti_passback_is_off_R_GYM_09()
    {
        var world = new World();
        world.Person().Contract().Present();

        Expect.Granted(world.Scan("card-1"));
    }

    // R-GYM-10: locked for exactly DoubleEntryTimeSeconds after the last grant.
    [Theory]
    [InlineData(10, 0, ReasonCode.DoubleScan)]
    [InlineData(10, 9, ReasonCode.DoubleScan)]
    [InlineData(10, 10, null)]
    [InlineData(10, 3600, null)]
    [InlineData(0, 0, null)]
    // R-GYM-10
    public void Double_scan_is_refused_until_the_exact_second_R_GYM_10(int doubleEntrySeconds, int secondsSinceGrant, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckDoubleScan = true })
            .Advanced(a => a with { DoubleEntryTimeSeconds = doubleEntrySeconds });
        world.Person().Contract().Credential("card-1", lastGrantedAt: World.Now.AddSeconds(-secondsSinceGrant));

        var decision = world.Scan("card-1");

        Expect.Only(decision, expected);
    }

    [Fact]
    // R-GYM-10
    public void Granted_scan_locks_the_credential_for_the_double_scan_check_R_GYM_10()
    {
        var world = new World().Checks(c => c with { CheckDoubleScan = true });
        world.Person().Contract();

        Assert.True(world.Scan("card-1").Actions.HasFlag(DecisionActions.LockDoubleScan));
    }

    [Theory]
    [InlineData(Gender.Female, null)]
    [InlineData(Gender.Male, ReasonCode.GenderNotAllowed)]
    [InlineData(Gender.Unspecified, ReasonCode.GenderNotAllowed)]
    // R-GYM-11
    public void Women_only_zone_admits_only_listed_genders_R_GYM_11(Gender gender, ReasonCode? expected)
    {
        var world = new World().Checks(c => c with { AllowedGenders = [Gender.Female] });
        world.Person().Contract().Profile(p => p with { Gender = gender });

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Fact]
    // R-GYM-11
    public void Empty_gender_list_admits_everyone_R_GYM_11()
    {
        var world = new World();
        world.Person().Contract().Profile(p => p with { Gender = Gender.Other });

        Expect.Granted(world.Scan("card-1"));
    }
}
