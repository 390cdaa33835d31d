using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Decisions;

public sealed class OutcomeTests
{
    [Fact]
    // R-DEC-01, R-DEC-02
    public void Grants_with_no_reasons_and_names_everything_R_DEC_01_R_DEC_02()
    {
        var world = new World();
        var anna = world.Person().Contract();

        var decision = world.Scan("card-1");

        Expect.Granted(decision);
        Assert.Equal(World.Gate, decision.Device);
        Assert.Equal(World.Club, decision.Site);
        Assert.Equal(World.MainFloor, decision.Zone);
        Assert.Equal(Direction.In, decision.Direction);
        Assert.Equal(World.Now, decision.At);
        Assert.Equal(anna.Card.Id, decision.Credential);
        Assert.Equal(anna.Id, decision.Person!.Id);
        Assert.Equal(World.GateLogic, decision.Logic);
        Assert.Equal(1, decision.LogicVersion);
        Assert.Equal(new VisitReason(VisitReasonKind.Contract, 1, "Open 12"), decision.VisitReason);
        Assert.Equal("Open 12", decision.PassInUse!.Name);
        Assert.True(decision.LetsIn);
    }

    [Fact]
    // R-DEC-02
    public void Records_the_logic_version_that_decided_R_DEC_02()
    {
        var world = new World().UseLogic(l => l with { Version = 7 });
        world.Person().Contract();

        Assert.Equal(7, world.Scan("card-1").LogicVersion);
    }

    [Fact]
    // R-DEC-01
    public void Lists_one_code_per_failed_check_in_pipeline_order_R_DEC_01()
    {
        var world = new World()
            .Checks(c => c with { CheckPosBalance = true, AllowedGenders = [Gender.Female] })
            .Advanced(a => a with { BlockLostCards = true });
        world.Person().Flags(CredentialFlags.Lost).Profile(p => p with { Gender = Gender.Male }).With(e => e with { PosBalance = -1 });

        Expect.Denied(
            world.Scan("card-1"),
            ReasonCode.CredentialLost,
            ReasonCode.GenderNotAllowed,
            ReasonCode.PosBalanceBelowLimit,
            ReasonCode.NoValidContract);
    }

    [Fact]
    // R-DEC-01
    public void Denial_wins_over_warnings_R_DEC_01()
    {
        var world = new World().Checks(c => c with { StudioWarnings = true });
        world.Person().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

        Expect.Denied(world.Scan("card-1"), ReasonCode.NoValidContract, ReasonCode.RecentPictureChange);
    }

    [Fact]
    // R-DEC-01
    public void Every_reason_code_has_a_message_and_warnings_have_a_remedy_R_DEC_01()
    {
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(code.Message()));
            Assert.Equal(code.IsWarning(), code.Remedy() is not null);
        }
    }

    [Fact]
    // R-DEC-01
    public void Reason_list_keeps_each_code_once_and_drops_past_capacity_R_DEC_01()
    {
        var list = default(ReasonList);
        list.Add(ReasonCode.DoubleScan);
        list.Add(ReasonCode.DoubleScan);
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            list.Add(code);
        }

        Assert.Equal(ReasonList.Capacity, list.Count);
        Assert.Equal(ReasonCode.DoubleScan, list[0]);
    }
}
