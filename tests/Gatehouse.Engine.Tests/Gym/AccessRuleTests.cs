using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

public sealed class AccessRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset End = new(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));

    // R-GYM-05: validity is half-open, checked at the exact first and last instant.
    [Theory]
    [InlineData(-1, ReasonCode.ContractNotStarted)]
    [InlineData(0, null)]
    // R-GYM-05
    public void Contract_starts_at_its_first_instant_R_GYM_05(int secondsFromStart, ReasonCode? expected)
    {
        var world = new World();
        world.Person().Contract(c => c with { Validity = new TimeWindow(Start, End) });

        Expect.Only(world.Scan("card-1", Start.AddSeconds(secondsFromStart)), expected);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, ReasonCode.ContractExpired)]
    // R-GYM-05
    public void Contract_ends_before_its_until_instant_R_GYM_05(int secondsFromEnd, ReasonCode? expected)
    {
        var world = new World();
        world.Person().Contract(c => c with { Validity = new TimeWindow(Start, End) });

        Expect.Only(world.Scan("card-1", End.AddSeconds(secondsFromEnd)), expected);
    }

    [Theory]
    [InlineData(ContractStatus.Active, true, null)]
    [InlineData(ContractStatus.Blocked, true, ReasonCode.ContractBlocked)]
    [InlineData(ContractStatus.Reverted, true, ReasonCode.ContractReverted)]
    [InlineData(ContractStatus.Cancelled, true, ReasonCode.NoValidContract)]
    [InlineData(ContractStatus.Active, false, ReasonCode.NoValidContract)]
    // R-GYM-05
    public void Contract_must_be_active_and_grant_entry_R_GYM_05(ContractStatus status, bool grantsEntry, ReasonCode? expected)
    {
        var world = new World();
        world.Person().Contract(c => c with { Status = status, GrantsEntry = grantsEntry });

        Expect.Only(world.Scan("card-1"), expected);
    }

    // Wednesday 4 March 2026; rule 07:00–21:00 on weekdays, in Warsaw's local time.
    [Theory]
    [InlineData("2026-03-04T06:59:59", ReasonCode.OutsideAllowedHours)]
    [InlineData("2026-03-04T07:00:00", null)]
    [InlineData("2026-03-04T20:59:59", null)]
    [InlineData("2026-03-04T21:00:00", ReasonCode.OutsideAllowedHours)]
    [InlineData("2026-03-07T10:00:00", ReasonCode.OutsideAllowedHours)]
    // R-GYM-05
    public void Access_rule_allows_its_weekdays_and_local_hours_R_GYM_05(string local, ReasonCode? expected)
    {
        var world = new World();
        world.Person().Contract(c => c with { Rules = [new AccessRule([], WeekdaySet.Weekdays, new TimeOnly(7, 0), new TimeOnly(21, 0))] });

        Expect.Only(world.Scan("card-1", Time.InWarsaw(local)), expected);
    }

    [Fact]
    // R-GYM-05
    public void Rule_ending_at_midnight_covers_the_last_minute_of_the_day_R_GYM_05()
    {
        var world = new World();
        world.Person().Contract(c => c with { Rules = [new AccessRule([], WeekdaySet.All, new TimeOnly(18, 0), TimeOnly.MinValue)] });

        Expect.Granted(world.Scan("card-1", Time.InWarsaw("2026-03-04T23:59:59")));
        Expect.Denied(world.Scan("card-1", Time.InWarsaw("2026-03-05T00:00:00")), ReasonCode.OutsideAllowedHours);
    }

    [Fact]
    // R-GYM-05
    public void Paused_subscription_does_not_admit_R_GYM_05()
    {
        var world = new World();
        var subscription = new SubscriptionId(3);
        world.Person()
            .Contract(c => c with { Subscription = subscription })
            .With(e => e with { Pauses = [new SubscriptionPause(subscription, TimeWindow.Starting(World.Now.AddDays(-1), TimeSpan.FromDays(1)))] });

        Expect.Denied(world.Scan("card-1", World.Now.AddSeconds(-1)), ReasonCode.SubscriptionPaused);
        Expect.Granted(world.Scan("card-1", World.Now));
    }

    [Fact]
    // R-GYM-05
    public void Contract_checks_are_skipped_when_access_rules_and_zone_type_are_off_R_GYM_05()
    {
        var world = new World().Checks(c => c with { CheckAccessRules = false, CheckZoneType = false });
        world.Person();

        Expect.Granted(world.Scan("card-1"));
    }

    [Theory]
    [InlineData(true, false, ReasonCode.MainContractRequired)]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)]
    // R-GYM-06
    public void Only_the_main_contract_grants_when_required_R_GYM_06(bool mainRequired, bool isMain, ReasonCode? expected)
    {
        var world = new World().Advanced(a => a with { MainContractHasToBeActive = mainRequired });
        world.Person().Contract(c => c with { IsMain = isMain, Name = "Add-on" });

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Fact]
    // R-GYM-05
    public void Reports_the_contract_that_came_closest_R_GYM_05()
    {
        var world = new World();
        world.Person()
            .Contract(c => c with { Id = new ContractId(1), Status = ContractStatus.Blocked })
            .Contract(c => c with { Id = new ContractId(2), Validity = new TimeWindow(Start, Start.AddDays(1)) });

        Expect.Denied(world.Scan("card-1"), ReasonCode.ContractExpired);
    }

    [Fact]
    // R-GYM-05
    public void Contract_valid_only_at_another_club_does_not_admit_R_GYM_05()
    {
        var world = new World();
        world.Person().Contract(c => c with { Sites = [World.OtherClub] });

        Expect.Denied(world.Scan("card-1"), ReasonCode.NotValidAtThisEstablishment);
    }
}
