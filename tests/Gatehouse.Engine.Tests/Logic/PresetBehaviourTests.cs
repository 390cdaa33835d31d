using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Logic;

// R-GYM-01, R-GYM-21: the gym presets do what their names promise.
public sealed class PresetBehaviourTests
{
    private static World With(Func<AccessLogicId, OrganizationId, DateTimeOffset, AccessLogic> preset, DeviceDirection direction) =>
        new World()
            .UseLogic(_ => preset(World.GateLogic, World.Org, World.Now))
            .ChangeGate(d => d with { Direction = direction });

    [Fact]
    public void Gym_entry_gate_admits_once_and_marks_presence_R_GYM_09_R_GYM_21()
    {
        var world = With(AccessLogicPresets.GymEntryGate, DeviceDirection.In);
        var anna = world.Person().Contract();

        var entry = world.Scan("card-1");
        anna.Present();

        Expect.Granted(entry);
        Assert.Equal(DecisionActions.LogEvent | DecisionActions.AddPresence | DecisionActions.LockDoubleScan, entry.Actions);
        Expect.Denied(world.Scan("card-1"), ReasonCode.AlreadyPresent);
    }

    [Fact]
    public void Gym_exit_gate_lets_present_members_out_without_contract_checks_R_GYM_08_R_GYM_21()
    {
        var world = With(AccessLogicPresets.GymExitGate, DeviceDirection.Out);
        var anna = world.Person(); // no contract at all

        Expect.Denied(world.Scan("card-1"), ReasonCode.NotPresent);
        anna.Present();
        var exit = world.Scan("card-1");

        Expect.Granted(exit);
        Assert.Equal(DecisionActions.LogEvent | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan, exit.Actions);
        Assert.Equal("Goodbye, Anna!", exit.DisplayText);
    }

    [Fact]
    public void Gym_single_reader_checks_entry_and_toggles_presence_R_GYM_21()
    {
        var world = With(AccessLogicPresets.GymSingleReader, DeviceDirection.Both);
        var anna = world.Person().Contract(c => c with { Validity = new TimeWindow(World.Now.AddYears(-1), World.Now.AddMinutes(1)) });

        var entry = world.Scan("card-1");
        anna.Present();
        var exitAfterExpiry = world.Scan("card-1", World.Now.AddHours(2));

        Assert.Equal((Outcome.Granted, Direction.In), (entry.Outcome, entry.Direction));
        Assert.True(entry.Actions.HasFlag(DecisionActions.AddPresence));
        Assert.Equal((Outcome.Granted, Direction.Out), (exitAfterExpiry.Outcome, exitAfterExpiry.Direction));
        Assert.True(exitAfterExpiry.Actions.HasFlag(DecisionActions.RemovePresence));
    }
}
