using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Logic;

// R-GYM-01: every toggle and parameter with the article's defaults, and no impossible values.
public sealed class AccessLogicTests
{
    private static AccessLogic Fresh() => new() { Id = new AccessLogicId(1), Organization = World.Org, Name = "Gate", CreatedAt = World.Now, ModifiedAt = World.Now };

    [Fact]
    // R-GYM-01
    public void New_logic_has_the_documented_defaults_and_is_valid_R_GYM_01()
    {
        var logic = Fresh();

        Assert.Empty(logic.Validate());
        Assert.Equal(1, logic.Version);
        Assert.Equal(AccessPolicy.Membership, logic.Policy);
        Assert.True(logic.Checks.CheckAccessRules);
        Assert.True(logic.Checks.CheckZoneType);
        Assert.False(logic.Checks.CheckMembershipBalance);
        Assert.Equal(EmployeePolicy.TreatAsMember, logic.Checks.EmployeePolicy);
        Assert.Equal(-15, logic.Advanced.BookingStartOffsetMinutes);
        Assert.Equal(15, logic.Advanced.BookingEndOffsetMinutes);
        Assert.Equal(10, logic.Advanced.DoubleEntryTimeSeconds);
        Assert.Equal(15, logic.Advanced.QrValidityMinutes);
        Assert.False(logic.Advanced.EnablePreVerification);
        Assert.True(logic.Advanced.BlockLostCards);
        Assert.True(logic.Advanced.CheckQrSite);
        Assert.True(logic.Actions.LogUnsuccessfulScans);
    }

    public static TheoryData<string, Func<AccessLogic, AccessLogic>> Impossible => new()
    {
        { "BookingStartOffsetMinutes", l => l with { Advanced = l.Advanced with { BookingStartOffsetMinutes = 1 } } },
        { "FacilityBookingStartOffsetMinutes", l => l with { Advanced = l.Advanced with { FacilityBookingStartOffsetMinutes = 5 } } },
        { "BookingEndOffsetMinutes", l => l with { Advanced = l.Advanced with { BookingEndOffsetMinutes = -1 } } },
        { "FacilityBookingEndOffsetMinutes", l => l with { Advanced = l.Advanced with { FacilityBookingEndOffsetMinutes = -1 } } },
        { "PosBalanceLimit", l => l with { Advanced = l.Advanced with { PosBalanceLimit = -0.01m } } },
        { "DoubleEntryTimeSeconds", l => l with { Advanced = l.Advanced with { DoubleEntryTimeSeconds = -1 } } },
        { "AllowedDaysInDebt", l => l with { Advanced = l.Advanced with { AllowedDaysInDebt = -1 } } },
        { "QrValidityMinutes", l => l with { Advanced = l.Advanced with { QrValidityMinutes = 0 } } },
        { "ExternalAccessUrl", l => l with { Advanced = l.Advanced with { ExternalAccessAllowed = true } } },
        { "ExternalAccessBudgetMilliseconds", l => l with { Advanced = l.Advanced with { ExternalAccessBudgetMilliseconds = 0 } } },
        { "UpcomingBookingBufferMinutes", l => l with { Checks = l.Checks with { UpcomingBookingBufferMinutes = -1 } } },
        { "RecentPictureChangeDays", l => l with { Checks = l.Checks with { RecentPictureChangeDays = -1 } } },
        { "Name", l => l with { Name = " " } },
        { "Version", l => l with { Version = 0 } },
        { "ModifiedAt", l => l with { ModifiedAt = l.CreatedAt.AddTicks(-1) } },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    // R-GYM-01
    public void Validate_names_each_impossible_value_R_GYM_01(string field, Func<AccessLogic, AccessLogic> change)
    {
        var errors = change(Fresh()).Validate();

        Assert.Equal([field], errors.Select(e => e.Field));
        Assert.False(string.IsNullOrWhiteSpace(errors[0].Message));
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(-60, 60, 0, 0)]
    // R-GYM-01
    public void Validate_accepts_boundary_values_R_GYM_01(int startOffset, int endOffset, int posLimit, int doubleEntry)
    {
        var logic = Fresh() with
        {
            Advanced = new AdvancedSettings
            {
                BookingStartOffsetMinutes = startOffset,
                BookingEndOffsetMinutes = endOffset,
                PosBalanceLimit = posLimit,
                DoubleEntryTimeSeconds = doubleEntry,
            },
        };

        Assert.Empty(logic.Validate());
    }

    [Fact]
    // R-GYM-01
    public void Every_preset_is_valid_and_found_by_key_R_GYM_01()
    {
        Assert.Equal(
            ["gym-entry-gate", "gym-exit-gate", "gym-single-reader", "studio-front-desk", "studio-door", "office-visitor-door", "office-employee-door", "visitor-kiosk"],
            AccessLogicPresets.All.Select(p => p.Key));
        foreach (var preset in AccessLogicPresets.All)
        {
            var logic = preset.Create(new AccessLogicId(3), World.Org, World.Now);

            Assert.Empty(logic.Validate());
            Assert.Equal(preset.Name, logic.Name);
            Assert.Equal(World.Org, logic.Organization);
            Assert.Same(preset, AccessLogicPresets.Find(preset.Key.ToUpperInvariant()));
        }

        Assert.Null(AccessLogicPresets.Find("no-such-preset"));
    }

    [Fact]
    // R-STU-01
    public void Studio_presets_differ_only_in_what_a_warning_does_R_STU_01()
    {
        var desk = AccessLogicPresets.StudioFrontDesk(new AccessLogicId(1), World.Org, World.Now);
        var door = AccessLogicPresets.StudioDoor(new AccessLogicId(2), World.Org, World.Now);

        Assert.Equal(AccessPolicy.Studio, desk.Policy);
        Assert.Equal(AccessPolicy.Studio, door.Policy);
        Assert.True(desk.Checks.StudioWarnings && door.Checks.StudioWarnings);
        Assert.True(desk.Checks.AllowUpcomingBooking && door.Checks.AllowUpcomingBooking);
    }
}
