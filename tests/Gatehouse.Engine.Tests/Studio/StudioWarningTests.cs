using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Studio;

// R-STU-06: warnings let the member in but ask staff to look; two of them only at a manual desk.
public sealed class StudioWarningTests
{
    private static World Studio(EntryMode mode) => new World()
        .UseLogic(_ => (mode == EntryMode.Manual ? AccessLogicPresets.StudioFrontDesk(World.GateLogic, World.Org, World.Now) : AccessLogicPresets.StudioDoor(World.GateLogic, World.Org, World.Now)))
        .ChangeGate(d => d with { Mode = mode });

    [Theory]
    [InlineData(EntryMode.Manual, ReasonCode.PassDoesNotFitZone)]
    [InlineData(EntryMode.Automatic, ReasonCode.ZoneTypeNotAllowed)]
    // R-STU-06
    public void Pass_that_does_not_fit_the_zone_warns_only_at_a_desk_R_STU_06(EntryMode mode, ReasonCode expected)
    {
        var world = Studio(mode);
        world.Person().Contract(c => c with { Rules = [AccessRule.Anytime(ZoneType.Pool)] });

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Theory]
    [InlineData(EntryMode.Manual, true)]
    [InlineData(EntryMode.Automatic, false)]
    // R-STU-06
    public void Session_at_another_establishment_warns_only_at_a_desk_R_STU_06(EntryMode mode, bool warns)
    {
        var world = Studio(mode);
        var anna = world.Person().Contract();
        anna.Booking(anna.NewBooking(BookingKind.ClassSession, World.Now.AddHours(3), site: World.OtherClub));

        Expect.Only(world.Scan("card-1"), warns ? ReasonCode.SessionAtOtherEstablishment : null);
    }

    [Theory]
    [InlineData(InvoiceStatus.Unpaid, ReasonCode.BookingInvoiceUnpaid)]
    [InlineData(InvoiceStatus.Paid, null)]
    // R-STU-06
    public void Booking_with_an_unpaid_invoice_warns_R_STU_06(InvoiceStatus status, ReasonCode? expected)
    {
        var world = Studio(EntryMode.Automatic);
        var anna = world.Person().Contract();
        var session = anna.NewBooking(BookingKind.ClassSession, World.Now.AddHours(1));
        anna.Booking(session).Invoice(new Invoice(new InvoiceId(3), default, 25m, World.Now.AddDays(1), status, Booking: session.Id));

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Theory]
    [InlineData("-0.01", true, ReasonCode.NegativeAccountBalance)]
    [InlineData("0", true, null)]
    [InlineData("-5", false, null)]
    // R-STU-06
    public void Negative_balance_with_a_booking_warns_R_STU_06(string balance, bool booked, ReasonCode? expected)
    {
        var world = Studio(EntryMode.Automatic);
        var anna = world.Person().Contract().With(e => e with { AccountBalance = decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture) });
        if (booked)
        {
            anna.Booking(anna.NewBooking(BookingKind.ClassSession, World.Now.AddHours(1)));
        }

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Theory]
    [InlineData(13, false, ReasonCode.RecentPictureChange)]
    [InlineData(14, false, null)]
    [InlineData(1, true, null)]
    // R-STU-06
    public void Recent_picture_change_warns_until_identity_is_validated_R_STU_06(int daysAgo, bool validated, ReasonCode? expected)
    {
        var world = Studio(EntryMode.Automatic);
        var changed = World.Now.AddDays(-daysAgo);
        world.Person().Contract().Profile(p => p with { PictureChangedAt = changed, IdentityValidatedAt = validated ? changed.AddMinutes(5) : null });

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Fact]
    // R-STU-06
    public void Gym_logic_raises_no_studio_warnings_R_STU_06()
    {
        var world = new World();
        world.Person().Contract().Profile(p => p with { PictureChangedAt = World.Now.AddDays(-1) });

        Expect.Granted(world.Scan("card-1"));
    }

    // R-STU-09: the decision shows the next booking of the day and the pass in use.
    [Fact]
    // R-STU-09
    public void Shows_next_booking_of_the_day_and_pass_in_use_R_STU_09()
    {
        var world = Studio(EntryMode.Manual);
        var anna = world.Person()
            .Contract(c => c with { Id = new ContractId(8), Name = "Add-on", IsMain = false })
            .Contract(c => c with { Id = new ContractId(9), Name = "10 classes" });
        var evening = anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-04T19:00:00"), name: "Vinyasa");
        var noon = anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-04T12:00:00"), name: "Pilates");
        var morning = anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-04T07:00:00"), name: "Sunrise");
        anna.Booking(evening).Booking(noon).Booking(morning);

        var decision = world.Scan("card-1");

        Expect.Granted(decision);
        Assert.Equal(noon, decision.NextBooking);
        Assert.Equal("Ola", decision.NextBooking!.Teacher);
        Assert.Equal("10 classes", decision.PassInUse!.Name);
        Assert.Equal(new VisitReason(VisitReasonKind.Contract, 9, "10 classes"), decision.VisitReason);
    }
}
