using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;
using static Gatehouse.Engine.Tests.Office.Office;

namespace Gatehouse.Engine.Tests.Office;

public sealed class EmployeeTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(100, 20).Select(i => (byte)i)];

    private static PersonBuilder Employee(World world, AccessLevelId? level = null, bool conditional = false, CompanyId? company = null) =>
        world.Person("emp-1", PersonKind.Employee, CredentialKind.RotatingQr)
            .Credential("emp-1", CredentialKind.RotatingQr, secret: Secret)
            .With(e => e with { Employment = new EmploymentTerms(company ?? new CompanyId(1), level, ConditionalAccess: conditional) });

    private static string Token(DateTimeOffset at) => RotatingQrCode.Issue("emp-1", Secret, at);

    private static PersonBuilder BookedDay(PersonBuilder employee, string localStart = "2026-03-04T08:00:00")
    {
        var day = employee.NewBooking(BookingKind.OfficeDay, Time.InWarsaw(localStart), 9 * 60, "Office day");
        return employee.Booking(day)
            .With(e => e with { Questionnaires = [new QuestionnaireResult(new QuestionnaireId(1), e.Person.Id, new DateOnly(2026, 3, 4), true)] });
    }

    // R-EMP-02: the rotating token opens the door; a screenshot dies after a step of tolerance.
    [Theory]
    [InlineData(0, null)]
    [InlineData(-30, null)]
    [InlineData(-60, ReasonCode.RotatingCodeInvalid)]
    [InlineData(30, null)]
    [InlineData(90, ReasonCode.RotatingCodeInvalid)]
    // R-EMP-02
    public void Rotating_token_opens_only_while_fresh_R_EMP_02(int tokenAgeSeconds, ReasonCode? expected)
    {
        var world = Build();
        Employee(world, CompanyA);

        Expect.Only(world.Scan(Token(World.Now.AddSeconds(-tokenAgeSeconds)), World.Now, EmployeeFloor5), expected);
    }

    [Theory]
    [InlineData("emp-1")]
    [InlineData("GT1.emp-1")]
    [InlineData("GT1.emp-1.000000")]
    // R-EMP-02
    public void Bare_or_guessed_token_is_refused_R_EMP_02(string presented)
    {
        var world = Build();
        Employee(world, CompanyA);

        Expect.Denied(world.Scan(presented, World.Now, EmployeeFloor5), ReasonCode.RotatingCodeInvalid);
    }

    [Fact]
    // R-EMP-02
    public void Token_of_an_unknown_employee_is_unknown_R_EMP_02()
    {
        var world = Build();

        Expect.Denied(world.Scan(RotatingQrCode.Issue("ghost", Secret, World.Now), World.Now, EmployeeFloor5), ReasonCode.UnknownCredential);
    }

    // R-EMP-03: all employees of a company share its level; one level per company.
    [Theory]
    [InlineData(10L, null, ReasonCode.ZoneNotInAccessLevel)]
    [InlineData(11L, ReasonCode.ZoneNotInAccessLevel, null)]
    // R-EMP-03
    public void Company_level_opens_that_companys_floor_only_R_EMP_03(long level, ReasonCode? floor5, ReasonCode? floor6)
    {
        var world = Build();
        Employee(world, new AccessLevelId(level));

        Expect.Only(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), floor5);
        Expect.Only(world.Scan(Token(World.Now), World.Now, EmployeeFloor6), floor6);
    }

    [Fact]
    // R-EMP-03
    public void Employee_visit_reason_names_the_company_level_R_EMP_03()
    {
        var world = Build();
        Employee(world, CompanyA);

        Assert.Equal(new VisitReason(VisitReasonKind.Employee, 10, "Acme"), world.Scan(Token(World.Now), World.Now, EmployeeFloor5).VisitReason);
    }

    // R-EMP-04: conditional access needs a booked office day and a passed questionnaire for the local day.
    [Fact]
    // R-EMP-04
    public void Conditional_access_opens_on_a_booked_day_with_a_passed_questionnaire_R_EMP_04()
    {
        var world = Build();
        BookedDay(Employee(world, CompanyA, conditional: true));

        Expect.Granted(world.Scan(Token(World.Now), World.Now, EmployeeFloor5));
    }

    [Fact]
    // R-EMP-04
    public void Conditional_access_without_booking_or_questionnaire_is_refused_R_EMP_04()
    {
        var world = Build();
        Employee(world, CompanyA, conditional: true);

        Expect.Denied(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), ReasonCode.NoOfficeBooking, ReasonCode.QuestionnaireNotPassed);
    }

    [Theory]
    [InlineData("2026-03-03T23:59:59", ReasonCode.NoOfficeBooking)] // yesterday, local
    [InlineData("2026-03-04T00:00:00", null)]
    [InlineData("2026-03-04T23:59:59", null)]
    [InlineData("2026-03-05T00:00:00", ReasonCode.NoOfficeBooking)]
    // R-EMP-04
    public void Office_day_is_the_sites_local_day_R_EMP_04(string bookingStartLocal, ReasonCode? expected)
    {
        var world = Build();
        BookedDay(Employee(world, CompanyA, conditional: true), bookingStartLocal);

        Expect.Only(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), expected);
    }

    [Theory]
    [InlineData(2026, 3, 4, false, ReasonCode.QuestionnaireNotPassed)]
    [InlineData(2026, 3, 3, true, ReasonCode.QuestionnaireNotPassed)]
    [InlineData(2026, 3, 4, true, null)]
    // R-EMP-04
    public void Questionnaire_must_be_passed_for_today_R_EMP_04(int year, int month, int day, bool passed, ReasonCode? expected)
    {
        var world = Build();
        BookedDay(Employee(world, CompanyA, conditional: true))
            .With(e => e with { Questionnaires = [new QuestionnaireResult(new QuestionnaireId(2), e.Person.Id, new DateOnly(year, month, day), passed)] });

        Expect.Only(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), expected);
    }

    [Theory]
    [InlineData(99, 0, null)]
    [InlineData(100, 0, ReasonCode.SiteCapacityReached)]
    [InlineData(50, 19, null)]
    [InlineData(50, 20, ReasonCode.ZoneCapacityReached)]
    // R-EMP-04
    public void Capacity_is_checked_at_the_exact_limit_R_EMP_04(int inSite, int onFloor, ReasonCode? expected)
    {
        var world = Build().Occupied(inSite).Occupied(onFloor, Floor5);
        BookedDay(Employee(world, CompanyA, conditional: true));

        Expect.Only(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), expected);
    }

    [Fact]
    // R-EMP-04
    public void Unconditional_employee_needs_no_booking_R_EMP_04()
    {
        var world = Build();
        Employee(world, CompanyA);

        Expect.Granted(world.Scan(Token(World.Now), World.Now, EmployeeFloor5));
    }

    // R-EMP-05: profile linking assigns no level; the existing profile's access is on only on a booked day.
    [Fact]
    // R-EMP-05
    public void Linked_profile_opens_with_its_own_access_only_on_a_booked_day_R_EMP_05()
    {
        var world = Build();
        var linked = Employee(world, level: null, conditional: true)
            .Contract(c => c with { Name = "Tenant access", Rules = [AccessRule.Anytime(ZoneType.OfficeFloor, ZoneType.Lobby)] });

        Expect.Denied(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), ReasonCode.NoOfficeBooking, ReasonCode.QuestionnaireNotPassed);

        BookedDay(linked);
        var decision = world.Scan(Token(World.Now), World.Now, EmployeeFloor5);
        Expect.Granted(decision);
        Assert.Equal("Tenant access", decision.VisitReason.Name);
    }

    [Fact]
    // R-EMP-05
    public void Linked_profile_without_access_of_its_own_stays_shut_on_a_booked_day_R_EMP_05()
    {
        var world = Build();
        BookedDay(Employee(world, level: null, conditional: true));

        Expect.Denied(world.Scan(Token(World.Now), World.Now, EmployeeFloor5), ReasonCode.NoValidContract);
    }
}
