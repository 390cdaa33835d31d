using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

// R-GYM-21: the engine names the actions; it applies none.
public sealed class ActionTests
{
    [Fact]
    // R-GYM-21
    public void Entry_adds_presence_and_logs_R_GYM_21()
    {
        var world = new World().Actions(a => a with { AddPresence = true, NotifyFrontDesk = true, OpenProfileAtFrontDesk = true });
        world.Person().Contract();

        Assert.Equal(
            DecisionActions.LogEvent | DecisionActions.AddPresence | DecisionActions.NotifyFrontDesk | DecisionActions.OpenProfileAtFrontDesk,
            world.Scan("card-1").Actions);
    }

    [Fact]
    // R-GYM-21
    public void Single_reader_toggles_presence_R_GYM_21()
    {
        var world = new World()
            .ChangeGate(d => d with { Direction = DeviceDirection.Both })
            .Actions(a => a with { AddPresence = true, DeactivatePresence = true });
        var anna = world.Person().Contract();

        var entry = world.Scan("card-1");
        anna.Present();
        var exit = world.Scan("card-1");

        Assert.Equal((Direction.In, DecisionActions.LogEvent | DecisionActions.AddPresence), (entry.Direction, entry.Actions));
        Assert.Equal((Direction.Out, DecisionActions.LogEvent | DecisionActions.RemovePresence), (exit.Direction, exit.Actions));
    }

    [Fact]
    // R-GYM-21
    public void Exit_needs_no_contract_R_GYM_21()
    {
        var world = new World()
            .ChangeGate(d => d with { Direction = DeviceDirection.Out })
            .Actions(a => a with { DeactivatePresence = true, CollectCard = true });
        world.Person().Present();

        var decision = world.Scan("card-1");

        Expect.Granted(decision);
        Assert.Equal(DecisionActions.LogEvent | DecisionActions.RemovePresence | DecisionActions.CollectCard, decision.Actions);
    }

    [Theory]
    [InlineData(true, DecisionActions.LogEvent)]
    [InlineData(false, DecisionActions.None)]
    // R-GYM-21
    public void Denials_are_listed_only_when_logging_unsuccessful_scans_R_GYM_21(bool logUnsuccessful, DecisionActions expected)
    {
        var world = new World().Actions(a => a with { LogUnsuccessfulScans = logUnsuccessful, AddPresence = true });
        world.Person();

        var decision = world.Scan("card-1");

        Expect.Denied(decision, ReasonCode.NoValidContract);
        Assert.Equal(expected, decision.Actions);
    }

    [Fact]
    // R-GYM-21
    public void Reported_direction_is_used_by_reporting_readers_R_GYM_21()
    {
        var world = new World().ChangeGate(d => d with { Direction = DeviceDirection.Reported });
        world.Person();

        Assert.Equal(Direction.Out, world.Scan("card-1", reported: Direction.Out).Direction);
        Assert.Equal(Direction.In, world.Scan("card-1").Direction);
    }

    // R-GYM-22: a pre-verification asks the question without side effects, and only where it is enabled.
    [Fact]
    // R-GYM-22
    public void Pre_verification_is_refused_unless_enabled_R_GYM_22()
    {
        var world = new World();
        world.Person().Contract();

        var decision = world.Scan("card-1", preVerification: true);

        Expect.Denied(decision, ReasonCode.PreVerificationDisabled);
        Assert.Equal(DecisionActions.None, decision.Actions);
    }

    [Fact]
    // R-GYM-22
    public void Pre_verification_carries_no_actions_R_GYM_22()
    {
        var world = new World()
            .Advanced(a => a with { EnablePreVerification = true, AllowZoneEntranceProduct = true })
            .Actions(a => a with { AddPresence = true, UseZoneProduct = true })
            .Checks(c => c with { CheckDoubleScan = true });
        world.Person().Contract();

        var decision = world.Scan("card-1", preVerification: true);

        Expect.Granted(decision);
        Assert.True(decision.PreVerification);
        Assert.Equal(DecisionActions.None, decision.Actions);
    }

    // R-GYM-20: nothing internal grants and the logic allows asking outside: the server does the HTTP call.
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    // R-GYM-20
    public void Asks_external_source_when_nothing_internal_grants_R_GYM_20(bool allowed, bool expected)
    {
        var world = new World().Advanced(a => a with { ExternalAccessAllowed = allowed, ExternalAccessUrl = new Uri("https://partner.example/access") });
        world.Person();

        var decision = world.Scan("card-1");

        Expect.Denied(decision, ReasonCode.NoValidContract);
        Assert.Equal(expected, decision.AskExternal);
    }

    [Fact]
    // R-GYM-20
    public void Does_not_ask_external_source_when_granted_or_denied_for_another_reason_R_GYM_20()
    {
        var world = new World()
            .Advanced(a => a with { ExternalAccessAllowed = true, BlockLostCards = true, ExternalAccessUrl = new Uri("https://partner.example/access") });
        world.Person("card-1").Contract();
        world.Person("card-2").Flags(CredentialFlags.Lost);

        Assert.False(world.Scan("card-1").AskExternal);
        var lost = world.Scan("card-2");
        Expect.Denied(lost, ReasonCode.CredentialLost, ReasonCode.NoValidContract);
        Assert.False(lost.AskExternal);
    }
}
