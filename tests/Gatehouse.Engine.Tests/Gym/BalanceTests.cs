using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

public sealed class BalanceTests
{
    private static readonly DateTimeOffset Due = World.Now.AddDays(-10);

    // R-GYM-02: debt denies from exactly AllowedDaysInDebt whole days after it fell due.
    [Theory]
    [InlineData(0, -1, null)]
    [InlineData(0, 0, ReasonCode.MembershipDebt)]
    [InlineData(3, 3 * 86400 - 1, null)]
    [InlineData(3, 3 * 86400, ReasonCode.MembershipDebt)]
    [InlineData(3, 10 * 86400, ReasonCode.MembershipDebt)]
    // R-GYM-02
    public void Debt_denies_at_the_exact_allowed_day_R_GYM_02(int allowedDays, int secondsSinceDue, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckMembershipBalance = true })
            .Advanced(a => a with { AllowedDaysInDebt = allowedDays });
        world.Person().Contract().Invoice(new Invoice(new InvoiceId(1), default, 49m, World.Now.AddSeconds(-secondsSinceDue)));

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Fact]
    // R-DEC-02: the visit reason names what justified entry; a denied scan entered nothing.
    public void Denied_debtor_has_no_visit_reason_R_DEC_02()
    {
        var world = new World().Checks(c => c with { CheckMembershipBalance = true });
        world.Person().Contract().Invoice(new Invoice(new InvoiceId(1), default, 49m, Due));

        var decision = world.Scan("card-1");

        Expect.Denied(decision, ReasonCode.MembershipDebt);
        Assert.Equal(VisitReason.None, decision.VisitReason);
    }

    [Theory]
    [InlineData(Payer.Company, true, null)]
    [InlineData(Payer.Company, false, ReasonCode.MembershipDebt)]
    [InlineData(Payer.Person, true, ReasonCode.MembershipDebt)]
    // R-GYM-02
    public void Company_debt_is_allowed_only_when_switched_on_R_GYM_02(Payer payer, bool allowCompanyDebt, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckMembershipBalance = true })
            .Advanced(a => a with { AllowCompanyDebt = allowCompanyDebt });
        world.Person().Contract().Invoice(new Invoice(new InvoiceId(1), default, 49m, Due, Payer: payer));

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Theory]
    [InlineData(InvoiceStatus.Paid, false, null)]
    [InlineData(InvoiceStatus.Cancelled, false, null)]
    [InlineData(InvoiceStatus.PaymentInProgress, true, null)]
    [InlineData(InvoiceStatus.PaymentInProgress, false, ReasonCode.MembershipDebt)]
    [InlineData(InvoiceStatus.Unpaid, true, ReasonCode.MembershipDebt)]
    // R-GYM-03
    public void Payment_in_progress_is_not_debt_when_allowed_R_GYM_03(InvoiceStatus status, bool allowInProgress, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckMembershipBalance = true })
            .Advanced(a => a with { AllowPaymentInProgress = allowInProgress });
        world.Person().Contract().Invoice(new Invoice(new InvoiceId(1), default, 49m, Due, status));

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Fact]
    // R-GYM-02
    public void Debt_is_ignored_when_the_check_is_off_R_GYM_02()
    {
        var world = new World();
        world.Person().Contract().Invoice(new Invoice(new InvoiceId(1), default, 49m, Due));

        Expect.Granted(world.Scan("card-1"));
    }

    // R-GYM-04: a POS balance below minus the limit denies; exactly minus the limit passes.
    [Theory]
    [InlineData(20, "0", null)]
    [InlineData(20, "-20.00", null)]
    [InlineData(20, "-20.01", ReasonCode.PosBalanceBelowLimit)]
    [InlineData(0, "-0.01", ReasonCode.PosBalanceBelowLimit)]
    [InlineData(0, "5", null)]
    // R-GYM-04
    public void Pos_balance_below_minus_limit_denies_R_GYM_04(int limit, string balance, ReasonCode? expected)
    {
        var world = new World()
            .Checks(c => c with { CheckPosBalance = true })
            .Advanced(a => a with { PosBalanceLimit = limit });
        world.Person().Contract().With(e => e with { PosBalance = decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture) });

        Expect.Only(world.Scan("card-1"), expected);
    }
}
