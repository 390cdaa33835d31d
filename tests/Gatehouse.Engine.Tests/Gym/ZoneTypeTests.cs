using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

// R-GYM-07: the zone's type must come from an access rule or an entrance product.
public sealed class ZoneTypeTests
{
    private static readonly DeviceId SaunaDoor = new(1001);

    private static World SaunaWorld(bool allowProduct = true, bool useProduct = true)
    {
        var world = new World()
            .Advanced(a => a with { AllowZoneEntranceProduct = allowProduct })
            .Actions(a => a with { UseZoneProduct = useProduct });
        world.Add(world.GateDevice with { Id = SaunaDoor, Zone = World.SaunaZone, Name = "Sauna door" });
        return world;
    }

    private static Contract MainFloorOnly(Contract contract) => contract with { Rules = [AccessRule.Anytime(ZoneType.MainFloor)] };

    [Fact]
    // R-GYM-07
    public void Denies_a_zone_type_the_rules_do_not_include_R_GYM_07()
    {
        var world = SaunaWorld(allowProduct: false);
        world.Person().Contract(MainFloorOnly);

        Expect.Denied(world.Scan("card-1", device: SaunaDoor), ReasonCode.ZoneTypeNotAllowed);
        Expect.Granted(world.Scan("card-1"));
    }

    [Fact]
    // R-GYM-07
    public void Ignores_zone_types_when_the_check_is_off_R_GYM_07()
    {
        var world = SaunaWorld(allowProduct: false).Checks(c => c with { CheckZoneType = false });
        world.Person().Contract(MainFloorOnly);

        Expect.Granted(world.Scan("card-1", device: SaunaDoor));
    }

    [Fact]
    // R-GYM-07
    public void Entrance_product_admits_and_is_consumed_R_GYM_07()
    {
        var world = SaunaWorld();
        world.Person().Contract(MainFloorOnly).Product(new EntranceProduct(new EntranceProductId(5), default, "10 saunas", [ZoneType.Sauna], 3));

        var decision = world.Scan("card-1", device: SaunaDoor);

        Expect.Granted(decision);
        Assert.Equal(new EntranceProductId(5), decision.ProductToUse);
        Assert.True(decision.Actions.HasFlag(DecisionActions.UseZoneProduct));
        Assert.Equal(VisitReasonKind.EntranceProduct, decision.VisitReason.Kind);
    }

    [Fact]
    // R-GYM-07
    public void Entrance_product_is_not_consumed_without_the_action_R_GYM_07()
    {
        var world = SaunaWorld(useProduct: false);
        world.Person().Product(new EntranceProduct(new EntranceProductId(5), default, "10 saunas", [ZoneType.Sauna], 3));

        var decision = world.Scan("card-1", device: SaunaDoor);

        Expect.Granted(decision);
        Assert.Null(decision.ProductToUse);
        Assert.False(decision.Actions.HasFlag(DecisionActions.UseZoneProduct));
    }

    [Theory]
    [InlineData(1, true, null)]
    [InlineData(0, true, ReasonCode.NoEntrancesLeft)]
    [InlineData(3, false, ReasonCode.ZoneTypeNotAllowed)]
    // R-GYM-07
    public void Entrance_product_needs_entries_left_and_the_switch_on_R_GYM_07(int remaining, bool allowProduct, ReasonCode? expected)
    {
        var world = SaunaWorld(allowProduct);
        world.Person().Contract(MainFloorOnly).Product(new EntranceProduct(new EntranceProductId(5), default, "10 saunas", [ZoneType.Sauna], remaining));

        Expect.Only(world.Scan("card-1", device: SaunaDoor), expected);
    }

    [Fact]
    // R-GYM-07
    public void Contract_is_preferred_over_a_product_R_GYM_07()
    {
        var world = SaunaWorld();
        world.Person().Contract().Product(new EntranceProduct(new EntranceProductId(5), default, "10 saunas", [ZoneType.Sauna], 3));

        var decision = world.Scan("card-1", device: SaunaDoor);

        Expect.Granted(decision);
        Assert.Null(decision.ProductToUse);
    }
}
